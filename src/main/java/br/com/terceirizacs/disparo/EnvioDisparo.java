package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.catalogo.TemplateResumo;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.whatsapp.MensagemService;
import br.com.terceirizacs.whatsapp.PedidoEnvio;
import br.com.terceirizacs.whatsapp.ResultadoEnvio;
import br.com.terceirizacs.whatsapp.StatusMensagem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sending half of the {@code disparo} process: the sending window, the policy re-checked right before the send,
 * the send itself (exactly once per queue row, through {@link MensagemService}); an uncertain one goes to
 * {@link EnvioIncerto}.
 */
@Service
public class EnvioDisparo {

    private final FilaDisparoRepository filas;
    private final RegraService regras;
    private final PoliticaDisparo politica;
    private final ContatoAlunoService contatos;
    private final CatalogoService catalogo;
    private final MensagemService mensagens;
    private final MensagemDaFila mensagem;
    private final ApplicationEventPublisher eventos;
    private final Clock clock;

    EnvioDisparo(FilaDisparoRepository filas, RegraService regras, PoliticaDisparo politica,
                 ContatoAlunoService contatos, CatalogoService catalogo, MensagemService mensagens,
                 MensagemDaFila mensagem, ApplicationEventPublisher eventos, Clock clock) {
        this.filas = filas;
        this.regras = regras;
        this.politica = politica;
        this.contatos = contatos;
        this.catalogo = catalogo;
        this.mensagens = mensagens;
        this.mensagem = mensagem;
        this.eventos = eventos;
        this.clock = clock;
    }

    /** When the message may leave: now, or the start of the producer's next sending window (quiet hours). */
    @Transactional(readOnly = true)
    public Date proximaJanela(Long filaId) {
        FilaDisparo fila = filas.findById(filaId).orElseThrow();
        Instant agora = clock.instant();
        if (!fila.getTipoRegra().respeitaJanela()) {
            return Date.from(agora);
        }
        Cliente cliente = catalogo.clientePorId(contatos.destinatario(fila.getMatriculaId()).clienteId()).orElseThrow();
        return Date.from(new JanelaDeEnvio(cliente.getFusoHorario(), cliente.getJanelaEnvioInicio(),
                cliente.getJanelaEnvioFim()).proxima(agora));
    }

    /** The re-check right before sending; a message that may no longer go ends CANCELADO with the reason. */
    @Transactional
    public boolean verificarPolitica(Long filaId) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        if (fila.getStatus() != StatusFila.APROVADO) {
            return false;
        }
        Optional<String> bloqueio = bloqueioAtual(fila, contatos.destinatario(fila.getMatriculaId()));
        bloqueio.ifPresent(motivo -> fila.encerrar(StatusFila.CANCELADO, "Na verificação antes do envio: " + motivo,
                clock.instant()));
        return bloqueio.isEmpty();
    }

    /** What the policy says of a queue row now, with the enrolment, product and rule read fresh. */
    private Optional<String> bloqueioAtual(FilaDisparo fila, Destinatario d) {
        return politica.bloqueio(fila, d, catalogo.produto(d.produtoId()).orElseThrow(), regras.obter(fila.getRegraId()));
    }

    /**
     * Sends the approved message (transient failures are thrown: the job retries). The policy is checked again here,
     * under the row lock: a retry 20 minutes later, or a send that waited in a long job queue, must not reach a
     * student who opted out or was refunded in the meantime.
     */
    @Transactional
    public ResultadoDisparo enviar(Long filaId) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        if (fila.getStatus() != StatusFila.APROVADO) {
            return ResultadoDisparo.de(fila.getStatus());
        }
        Destinatario d = contatos.destinatario(fila.getMatriculaId());
        // once a request may have left (accepted, sending, uncertain), the outcome is the send's, not the policy's
        boolean podeTerSaido = mensagens.statusDaFila(filaId)
                .filter(s -> s != StatusMensagem.NOVA && s != StatusMensagem.NAO_ENVIADA).isPresent();
        Optional<String> bloqueio = podeTerSaido ? Optional.empty() : bloqueioAtual(fila, d);
        if (bloqueio.isPresent()) {
            fila.encerrar(StatusFila.CANCELADO, "Na hora do envio: " + bloqueio.get(), clock.instant());
            return ResultadoDisparo.CANCELADO;
        }
        TemplateResumo template = mensagem.template(fila);
        ResultadoEnvio r = mensagens.enviar(new PedidoEnvio(fila.getId(), d.alunoId(), d.telefoneE164(),
                fila.getTemplateSugerido(), fila.getTemplateIdioma(), mensagem.valores(fila),
                template.botaoUrl() == null ? null : d.tokenLink(), fila.getTextoPrevia()));
        return switch (r.situacao()) {
            case ENVIADA, SIMULADA -> encerrar(filaId, StatusFila.ENVIADO, r.detalhe());
            case FALHOU -> encerrar(filaId, StatusFila.FALHOU, "WhatsApp recusou: " + r.detalhe());
            case INCERTA -> aindaIncerto(filaId);
        };
    }

    /**
     * An uncertain send goes to the operator only if no status webhook settled it meanwhile. The row is read under
     * its lock, held until this job commits the operator's task and its message subscription: a status webhook for
     * it waits for that commit and then finds the task to settle, or came first and is seen here.
     */
    private ResultadoDisparo aindaIncerto(Long filaId) {
        Optional<StatusMensagem> agora = mensagens.travarStatus(filaId);
        if (agora.isPresent() && agora.get().aceita()) {
            return encerrar(filaId, StatusFila.ENVIADO, "Confirmada pelo status do WhatsApp");
        }
        if (agora.isPresent() && agora.get() == StatusMensagem.FALHOU) {
            return encerrar(filaId, StatusFila.FALHOU, "WhatsApp informou falha no envio");
        }
        return ResultadoDisparo.INCERTO;
    }

    /** The text of the queue row's message as it was sent (an approver's edit included), once it was sent. */
    @Transactional(readOnly = true)
    public Optional<String> textoEnviado(Long filaId) {
        return filas.findById(filaId).filter(f -> f.getStatus() == StatusFila.ENVIADO).map(FilaDisparo::getTextoPrevia);
    }

    /** When the last rescue message of the enrolment was sent, if one was (the conversion KPI looks back from it). */
    @Transactional(readOnly = true)
    public Optional<Instant> resgateEnviadoEm(Long matriculaId) {
        return filas.findByMatriculaIdOrderByIdDesc(matriculaId).stream()
                .filter(f -> f.getTipoRegra() == TipoRegra.RESGATE_ACESSO && f.getStatus() == StatusFila.ENVIADO)
                .map(f -> mensagens.enviadaEm(f.getId()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Closes the row with the send's outcome; a row that becomes ENVIADO here announces it, once. */
    ResultadoDisparo encerrar(Long filaId, StatusFila status, String motivo) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        Instant agora = clock.instant();
        if (fila.encerrar(status, motivo, agora) && status == StatusFila.ENVIADO) {
            eventos.publishEvent(new EventosDisparo.MensagemEnviada(filaId, fila.getMatriculaId(), fila.getTipoRegra(),
                    agora));
        }
        return ResultadoDisparo.de(fila.getStatus());
    }
}
