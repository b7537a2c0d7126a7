package br.com.terceirizacs.historia;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The story's JSON API (HTTP Basic; roles ADMIN, CS and operations, not producers). The search is a POST so that the
 * e-mail or phone typed never lands in a URL (proxy access logs, browser history).
 */
@RestController
@RequestMapping("/api/historia")
@Tag(name = "História", description = "A história de um aluno ou de uma mensagem: passos dos processos (histórico do "
        + "Camunda), eventos da Hotmart, fila de disparo, mensagens e status do WhatsApp, cliques, acessos e respostas. "
        + "Para ADMIN, CS (grupo cs) e operação (grupo operacao); produtores não têm acesso.")
class HistoriaController {

    private final HistoriaService historias;

    HistoriaController(HistoriaService historias) {
        this.historias = historias;
    }

    /** What the person typed. */
    record Busca(@NotBlank(message = "é obrigatória") String busca) {
    }

    /** The enrolments found (at most {@code limite}, newest purchase first). */
    record ResultadoBusca(List<BuscaHistoria.Achado> resultados, int limite) {
    }

    @PostMapping("/buscas")
    @Operation(summary = "Encontra matrículas por nome, e-mail, telefone (com ou sem o nono dígito), transação Hotmart, "
            + "número da matrícula ou da mensagem, ou id da mensagem no WhatsApp (wamid)")
    ResultadoBusca buscar(@Valid @RequestBody Busca busca) {
        return new ResultadoBusca(historias.buscar(busca.busca()), BuscaHistoria.LIMITE);
    }

    @GetMapping("/matriculas/{id}")
    @Operation(summary = "A história de uma matrícula numa linha do tempo: cada passo dos processos com início, fim e "
            + "quem o fez, e o que as tabelas registraram (eventos, disparos, mensagens, status, cliques, respostas)")
    Historia historia(@PathVariable long id) {
        return historias.historia(id);
    }
}
