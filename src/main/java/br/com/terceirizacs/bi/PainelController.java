package br.com.terceirizacs.bi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.comum.ModoEnvio;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import br.com.terceirizacs.seguranca.AcessoPainel;
import br.com.terceirizacs.seguranca.LimitadorLogin;
import br.com.terceirizacs.seguranca.UsuarioPainel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The producer's dashboard, "Acessos via Terceiriza" (pt-BR, server-rendered). Every endpoint under
 * {@code /painel/{slug}} first asks {@link AcessoPainel} whether this login may read that producer; if not, the answer
 * is the same 404 as for a producer that does not exist.
 */
@Controller
class PainelController {

    private final PainelService painel;
    private final PainelAoVivo aoVivo;
    private final PainelCsv csv;
    private final AcessoPainel acesso;
    private final CatalogoService catalogo;
    private final ModoEnvio modoEnvio;

    PainelController(PainelService painel, PainelAoVivo aoVivo, PainelCsv csv, AcessoPainel acesso,
                     CatalogoService catalogo, ModoEnvio modoEnvio) {
        this.modoEnvio = modoEnvio;
        this.painel = painel;
        this.aoVivo = aoVivo;
        this.csv = csv;
        this.acesso = acesso;
        this.catalogo = catalogo;
    }

    /** Every page says when messages are only simulated: "sent" figures then reached no student. */
    @ModelAttribute("modoSimulacao")
    boolean modoSimulacao() {
        return modoEnvio.simulado();
    }

    @GetMapping("/")
    String inicio() {
        return "redirect:/painel";
    }

    /** {@code ?espera=N}: the login throttle refused the last attempt; the page says how long to wait. */
    @GetMapping("/login")
    String login(@RequestParam(name = "espera", required = false) String espera, Model model) {
        if (espera != null) {
            long segundos = espera.matches("\\d{1,7}") ? Long.parseLong(espera) : 0;
            model.addAttribute("espera", LimitadorLogin.textoEspera(Duration.ofSeconds(segundos)));
        }
        return "login";
    }

    /** A producer user goes straight to their dashboard; Terceiriza staff choose a producer. */
    @GetMapping("/painel")
    String escolher(Authentication autenticacao, Model model) {
        var usuario = acesso.usuarioCliente(autenticacao);
        if (usuario.isPresent()) {
            return "redirect:/painel/" + usuario.get().clienteSlug();
        }
        if (!acesso.equipe(autenticacao)) {
            throw new NaoEncontradoException("Nenhum painel disponível para este usuário");
        }
        model.addAttribute("clientes", painel.clientes());
        model.addAttribute("usuario", autenticacao.getName());
        return "painel-clientes";
    }

    @GetMapping("/painel/{slug}")
    String painel(@PathVariable String slug, Filtro filtro, Authentication autenticacao, Model model) {
        model.addAttribute("painel", calcular(slug, filtro, autenticacao));
        model.addAttribute("usuario", nome(autenticacao));
        model.addAttribute("equipe", acesso.equipe(autenticacao));
        return "painel";
    }

    @GetMapping(value = "/painel/{slug}/dados", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Painel dados(@PathVariable String slug, Filtro filtro, Authentication autenticacao) {
        return calcular(slug, filtro, autenticacao);
    }

    @GetMapping(value = "/painel/{slug}/eventos", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter eventos(@PathVariable String slug, Authentication autenticacao) {
        verificar(slug, autenticacao);
        return aoVivo.abrir(catalogo.clientePorSlug(slug).getId(), () -> acesso.podeVer(autenticacao, slug));
    }

    @GetMapping("/painel/{slug}/exportar.csv")
    ResponseEntity<byte[]> exportar(@PathVariable String slug, Filtro filtro, Authentication autenticacao) {
        Painel p = calcular(slug, filtro, autenticacao);
        String nome = "acessos-" + slug + (filtro.turma() == null ? "" : "-turma-" + filtro.turma()) + "-"
                + LocalDate.ofInstant(p.calculadoEm(), java.time.ZoneOffset.UTC) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nome).build().toString())
                .body(csv.gerar(p));
    }

    @GetMapping("/painel/{slug}/impressao")
    String impressao(@PathVariable String slug, Filtro filtro, Authentication autenticacao, Model model) {
        model.addAttribute("painel", calcular(slug, filtro, autenticacao));
        return "painel-impressao";
    }

    /** Query parameters of every dashboard view: product, turma, purchase dates (inclusive, producer's zone). */
    record Filtro(Long produto, Long turma, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate de,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ate) {
        Painel.Filtro comoPainel() {
            return new Painel.Filtro(produto, turma, de, ate);
        }
    }

    private Painel calcular(String slug, Filtro filtro, Authentication autenticacao) {
        verificar(slug, autenticacao);
        return painel.painel(slug, filtro.comoPainel());
    }

    private void verificar(String slug, Authentication autenticacao) {
        if (!acesso.podeVer(autenticacao, slug)) {
            throw new NaoEncontradoException("Painel não encontrado");
        }
    }

    private String nome(Authentication autenticacao) {
        return acesso.usuarioCliente(autenticacao).map(UsuarioPainel::nome).orElse(autenticacao.getName());
    }

    @ExceptionHandler(NaoEncontradoException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String naoEncontrado(Model model) {
        model.addAttribute("titulo", "Painel não encontrado");
        model.addAttribute("mensagem", "Este endereço não existe ou não está disponível para o seu usuário.");
        return "painel-erro";
    }

    @ExceptionHandler({RequisicaoInvalidaException.class, MethodArgumentTypeMismatchException.class,
            org.springframework.validation.BindException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String filtroInvalido(Model model) {
        model.addAttribute("titulo", "Filtro inválido");
        model.addAttribute("mensagem", "Confira o produto, a turma e as datas (a data inicial deve ser até a final).");
        return "painel-erro";
    }
}
