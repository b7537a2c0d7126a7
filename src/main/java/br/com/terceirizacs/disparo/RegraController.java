package br.com.terceirizacs.disparo;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regras")
@Tag(name = "Regras de automação", description = "Modo de execução (SUGERIR_APENAS ou DISPARO_AUTOMATICO), limiares, templates")
class RegraController {

    private final RegraService regras;

    RegraController(RegraService regras) {
        this.regras = regras;
    }

    record DadosRegraRequisicao(
            @NotBlank(message = "é obrigatório") @Size(max = 200, message = "deve ter no máximo 200 caracteres") String nome,
            @NotNull(message = "é obrigatório") ModoExecucao modoExecucao,
            @NotNull(message = "é obrigatório") Boolean ativa,
            @Min(value = 1, message = "deve ser ao menos 1") @Max(value = 720, message = "deve ser no máximo 720") Integer limiarHoras,
            @Min(value = 1, message = "deve ser ao menos 1") @Max(value = 365, message = "deve ser no máximo 365") Integer limiarDias,
            @NotBlank(message = "é obrigatório") String templateNome,
            String templateIdioma,
            @NotNull(message = "é obrigatório") @Min(value = 1, message = "deve ser ao menos 1")
            @Max(value = 720, message = "deve ser no máximo 720") Integer expiracaoHoras,
            @Min(value = 1, message = "deve ser ao menos 1") @Max(value = 10, message = "deve ser no máximo 10") Integer maxSugestoes,
            @Min(value = 1, message = "deve ser ao menos 1") @Max(value = 720, message = "deve ser no máximo 720")
            Integer intervaloMinimoHoras) {

        RegraService.DadosRegra dados() {
            return new RegraService.DadosRegra(nome.trim(), modoExecucao, ativa, limiarHoras, limiarDias, templateNome,
                    templateIdioma == null || templateIdioma.isBlank() ? "pt_BR" : templateIdioma, expiracaoHoras,
                    maxSugestoes, intervaloMinimoHoras);
        }
    }

    record RegraResposta(Long id, String nome, TipoRegra tipo, Long produtoId, ModoExecucao modoExecucao, boolean ativa,
                         Integer limiarHoras, Integer limiarDias, String templateNome, String templateIdioma,
                         Integer expiracaoHoras, int maxSugestoes, int intervaloMinimoHoras, Instant atualizadoEm) {
        static RegraResposta de(RegraAutomacao r) {
            return new RegraResposta(r.getId(), r.getNome(), r.getTipo(), r.getProdutoId(), r.getModoExecucao(),
                    r.isAtiva(), r.getLimiarHoras(), r.getLimiarDias(), r.getTemplateNome(), r.getTemplateIdioma(),
                    r.getExpiracaoHoras(), r.getMaxSugestoes(), r.getIntervaloMinimoHoras(), r.getAtualizadoEm());
        }
    }

    @GetMapping
    List<RegraResposta> listar() {
        return regras.listar().stream().map(RegraResposta::de).toList();
    }

    @GetMapping("/{id}")
    RegraResposta obter(@PathVariable Long id) {
        return RegraResposta.de(regras.obter(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Altera uma regra; DISPARO_AUTOMATICO só para boas-vindas e parabéns; toda alteração é auditada")
    RegraResposta alterar(@PathVariable Long id, @Valid @RequestBody DadosRegraRequisicao dados, Principal quem) {
        return RegraResposta.de(regras.alterar(id, dados.dados(), quem.getName()));
    }

    @PostMapping("/{tipo}/produtos/{slug}/{hotmartProductId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cria a regra própria de um produto (sobrepõe a global)")
    RegraResposta sobrescrever(@PathVariable TipoRegra tipo, @PathVariable String slug,
                               @PathVariable Long hotmartProductId, @Valid @RequestBody DadosRegraRequisicao dados,
                               Principal quem) {
        return RegraResposta.de(regras.sobrescrever(tipo, slug, hotmartProductId, dados.dados(), quem.getName()));
    }

    @GetMapping("/{id}/auditoria")
    @Operation(summary = "Quem mudou a regra, quando, antes e depois")
    List<RegraService.Alteracao> auditoria(@PathVariable Long id) {
        return regras.auditoria(id);
    }
}
