package br.com.terceirizacs.historia;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import br.com.terceirizacs.comum.ModoEnvio;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import br.com.terceirizacs.historia.Historia.Passo;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The story page (pt-BR, server-rendered, for ADMIN, CS and operations; form login at {@code /login}): a search box
 * and the enrolments it finds ({@code POST /historia}, so what was typed stays out of URLs), and one enrolment's
 * timeline ({@code /historia/matriculas/{id}}) in the producer's time zone.
 */
@Controller
class HistoriaPaginaController {

    private final HistoriaService historias;
    private final ModoEnvio modoEnvio;

    HistoriaPaginaController(HistoriaService historias, ModoEnvio modoEnvio) {
        this.historias = historias;
        this.modoEnvio = modoEnvio;
    }

    /** A step as the page shows it: times already in the producer's zone, the source as a word. */
    record PassoNaPagina(String quando, String duracao, String origem, String classe, String titulo, String detalhe,
                         String quem, String processo) {
    }

    /** A process instance as the page lists it. */
    record ProcessoNaPagina(String nome, String situacao, String inicio, String fim, String id) {
    }

    @ModelAttribute
    void comum(Model model, Authentication autenticacao) {
        model.addAttribute("modoSimulacao", modoEnvio.simulado());
        model.addAttribute("usuario", autenticacao == null ? null : autenticacao.getName());
    }

    @GetMapping("/historia")
    String inicio() {
        return "historia";
    }

    @PostMapping("/historia")
    String buscar(@RequestParam(name = "busca", required = false) String busca, Model model) {
        model.addAttribute("busca", busca);
        model.addAttribute("achados", historias.buscar(busca));
        return "historia";
    }

    @GetMapping("/historia/matriculas/{id}")
    String historia(@PathVariable long id, Model model) {
        Historia h = historias.historia(id);
        ZoneId fuso = ZoneId.of(h.matricula().fuso());
        model.addAttribute("historia", h);
        model.addAttribute("fuso", h.matricula().fuso());
        model.addAttribute("situacaoTelefone", Rotulos.situacaoTelefone(h.matricula().situacaoTelefone()));
        model.addAttribute("dataCompra", Rotulos.dataHora(h.matricula().dataCompra(), fuso));
        model.addAttribute("primeiroAcesso", h.matricula().dataPrimeiroAcesso() == null ? null
                : Rotulos.dataHora(h.matricula().dataPrimeiroAcesso(), fuso));
        model.addAttribute("processos", h.processos().stream().map(p -> new ProcessoNaPagina(p.nome(), p.situacao(),
                Rotulos.dataHora(p.inicio(), fuso), p.fim() == null ? null : Rotulos.dataHora(p.fim(), fuso), p.id()))
                .toList());
        model.addAttribute("passos", paraPagina(h.passos(), fuso));
        return "historia";
    }

    private static List<PassoNaPagina> paraPagina(List<Passo> passos, ZoneId fuso) {
        return passos.stream().map(p -> new PassoNaPagina(Rotulos.dataHora(p.quando(), fuso),
                p.ate() == null ? null : duracao(Duration.between(p.quando(), p.ate())),
                p.origem().rotulo(), p.origem().name().toLowerCase(java.util.Locale.ROOT), p.titulo(), p.detalhe(),
                p.quem(), p.processo())).toList();
    }

    /** "durou 120 ms", "durou 4 s", "durou 3 min 05 s", "durou 2 h 10 min", "durou 3 dias e 4 h". */
    static String duracao(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return "durou " + ms + " ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return "durou " + s + " s";
        }
        if (s < 3600) {
            return "durou %d min %02d s".formatted(s / 60, s % 60);
        }
        long h = s / 3600;
        if (h < 48) {
            return "durou %d h %02d min".formatted(h, (s % 3600) / 60);
        }
        return "durou %d dias e %d h".formatted(h / 24, h % 24);
    }

    @ExceptionHandler(RequisicaoInvalidaException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String buscaInvalida(RequisicaoInvalidaException e, Model model, Authentication autenticacao) {
        comum(model, autenticacao);
        model.addAttribute("erro", e.getMessage());
        return "historia";
    }

    @ExceptionHandler({NaoEncontradoException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String naoEncontrada(Model model, Authentication autenticacao) {
        comum(model, autenticacao);
        model.addAttribute("erro", "Matrícula não encontrada: confira o número ou faça uma nova busca.");
        return "historia";
    }
}
