package br.com.terceirizacs.disparo;

import java.time.Instant;
import java.util.List;

import br.com.terceirizacs.whatsapp.MensagemService;
import br.com.terceirizacs.whatsapp.StatusMensagem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/disparos")
@Tag(name = "Disparos", description = "A fila de mensagens sugeridas e automáticas, com decisão e envio")
class DisparoController {

    private final FilaDisparoRepository filas;
    private final MensagemService mensagens;

    DisparoController(FilaDisparoRepository filas, MensagemService mensagens) {
        this.filas = filas;
        this.mensagens = mensagens;
    }

    record DisparoResposta(Long id, Long matriculaId, TipoRegra tipo, ModoExecucao modo, StatusFila status,
                           String motivo, String template, String mensagem, String textoEditado, String decididoPor,
                           String motivoDecisao, Instant expiraEm, String processInstanceId, StatusMensagem envio) {
    }

    @GetMapping
    @Operation(summary = "Os disparos de uma matrícula, do mais recente ao mais antigo, com o status do envio")
    List<DisparoResposta> daMatricula(@RequestParam("matricula") Long matriculaId) {
        return filas.findByMatriculaIdOrderByIdDesc(matriculaId).stream()
                .map(f -> new DisparoResposta(f.getId(), f.getMatriculaId(), f.getTipoRegra(), f.getModoExecucao(),
                        f.getStatus(), f.getMotivo(), f.getTemplateSugerido(), f.getTextoPrevia(), f.getTextoEditado(),
                        f.getDecididoPor(), f.getMotivoDecisao(), f.getExpiraEm(), f.getProcessInstanceId(),
                        mensagens.statusDaFila(f.getId()).orElse(null)))
                .toList();
    }
}
