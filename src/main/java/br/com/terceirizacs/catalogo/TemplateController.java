package br.com.terceirizacs.catalogo;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Message templates for process owners (role ADMIN or DONO_PROCESSO). The same endpoints answer under two paths:
 * {@code /api/templates} for API clients (HTTP Basic, foreign origins refused) and {@code /templates/dados} for the
 * {@code /templates} page (signed-in session, CSRF token), so the page does exactly what the API does.
 */
@RestController
@RequestMapping({"/api/templates", "/templates/dados"})
@Tag(name = "Templates de mensagem", description = "Corpo com {{1}}…{{n}}, parâmetros, texto livre e botão; auditado")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    /** The body of a save: the template's key is in the path. */
    record DadosTemplate(String categoria, String corpo, List<String> parametros, String textoLivrePadrao,
                         String botaoRotulo, String botaoUrl) {
        TemplateValidacao.Dados dados() {
            return new TemplateValidacao.Dados(aparado(categoria), corpo, parametros == null ? List.of()
                    : parametros.stream().map(TemplateController::aparado).toList(), vazioNulo(textoLivrePadrao),
                    vazioNulo(botaoRotulo), vazioNulo(aparado(botaoUrl)));
        }
    }

    @GetMapping
    List<TemplateService.Visao> listar() {
        return templates.listar();
    }

    @GetMapping("/parametros")
    @Operation(summary = "Os parâmetros que a aplicação sabe preencher, com um exemplo de cada (para a prévia)")
    Map<String, String> parametros() {
        return TemplateValidacao.PARAMETROS;
    }

    @GetMapping("/{nome}/{idioma}")
    TemplateService.Visao obter(@PathVariable String nome, @PathVariable String idioma) {
        return templates.obter(nome, idioma);
    }

    @PutMapping("/{nome}/{idioma}")
    @Operation(summary = "Cria ou altera um template; recusa (400) corpo, parâmetros ou botão que a Meta recusaria; "
            + "toda alteração é auditada")
    ResponseEntity<TemplateService.Visao> salvar(@PathVariable String nome, @PathVariable String idioma,
                                                 @RequestBody DadosTemplate dados, Principal quem) {
        TemplateService.Salvo s = templates.salvar(nome, idioma, dados.dados(), quem.getName());
        return ResponseEntity.status(s.criado() ? HttpStatus.CREATED : HttpStatus.OK).body(s.template());
    }

    @GetMapping("/{nome}/{idioma}/auditoria")
    @Operation(summary = "Quem mudou o template, quando, antes e depois")
    List<TemplateService.Alteracao> auditoria(@PathVariable String nome, @PathVariable String idioma) {
        return templates.auditoria(nome, idioma);
    }

    private static String aparado(String s) {
        return s == null ? null : s.strip();
    }

    private static String vazioNulo(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
