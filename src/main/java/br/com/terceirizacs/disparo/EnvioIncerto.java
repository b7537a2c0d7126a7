package br.com.terceirizacs.disparo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.comum.Mascara;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.whatsapp.DecisaoIncerta;
import br.com.terceirizacs.whatsapp.MensagemService;
import br.com.terceirizacs.whatsapp.StatusMensagem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A send that got no answer from Meta (the request may or may not have reached the student): an operator decides in
 * Tasklist, unless a status webhook settles it first.
 * <ul>
 *   <li>Each decision acts once, in the transaction that completes the operator's task: REENVIAR lets the row be
 *       claimed again by the usual exactly-once send; DESCARTAR closes it FALHOU; JA_ENTREGUE records it as sent,
 *       with nothing sent.</li>
 *   <li>The decision locks the {@code mensagens} row first, as a status webhook does: of the two, the second finds
 *       the row settled. A webhook that came first wins, whatever the operator chose (its outcome is the truth).</li>
 * </ul>
 */
@Service
public class EnvioIncerto {

    private static final DateTimeFormatter HORA = DateTimeFormatter.ofPattern("dd/MM/yyyy 'às' HH:mm:ss");

    private final FilaDisparoRepository filas;
    private final EnvioDisparo envios;
    private final MensagemService mensagens;
    private final ContatoAlunoService contatos;
    private final CatalogoService catalogo;

    EnvioIncerto(FilaDisparoRepository filas, EnvioDisparo envios, MensagemService mensagens,
                 ContatoAlunoService contatos, CatalogoService catalogo) {
        this.filas = filas;
        this.envios = envios;
        this.mensagens = mensagens;
        this.contatos = contatos;
        this.catalogo = catalogo;
    }

    /** What the operator's form shows (display copies; the rows stay the source of truth). */
    public record Visao(String aluno, String telefone, String produto, String tipo, String template, String mensagem,
                        String saiuEm, String statusDesdeEntao) {
    }

    @Transactional(readOnly = true)
    public Visao visao(Long filaId) {
        FilaDisparo fila = filas.findById(filaId).orElseThrow();
        Destinatario d = contatos.destinatario(fila.getMatriculaId());
        ZoneId fuso = catalogo.clientePorId(d.clienteId()).map(Cliente::getFusoHorario)
                .orElse(ZoneId.of("America/Sao_Paulo"));
        Optional<MensagemService.Historico> h = mensagens.historico(filaId);
        String saiu = h.map(x -> quando(x.saiuEm(), fuso) + (x.tentativas() > 1 ? ", na " + x.tentativas()
                + "ª tentativa" : "")).orElse("sem registro");
        String statuses = h.map(x -> x.statuses().isEmpty()
                ? "Nenhum status da Meta chegou desde o envio."
                : x.statuses().stream().map(s -> rotulo(s.status()) + " em " + quando(s.ocorridoEm(), fuso)
                        + (s.erroCodigo() == null ? "" : " (erro " + s.erroCodigo() + ")"))
                        .collect(Collectors.joining("; ")) + ".")
                .orElse("Nenhum status da Meta chegou desde o envio.");
        return new Visao(d.nome(), Mascara.telefone(d.telefoneE164()),
                catalogo.produto(d.produtoId()).map(ProdutoResumo::nome).orElse("-"), fila.getTipoRegra().rotulo(),
                fila.getTemplateSugerido() + " (" + fila.getTemplateIdioma() + ")", fila.getTextoPrevia(), saiu,
                statuses);
    }

    /**
     * The operator's decision, in the caller's (task completion) transaction. A row a status webhook settled
     * meanwhile ends with the webhook's outcome, whatever was chosen.
     *
     * @return REENVIAR (the process sends again), ENVIADO or FALHOU
     */
    @Transactional
    public ResultadoDisparo decidir(Long filaId, DecisaoIncerta decisao, String usuario) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        if (fila.getStatus() != StatusFila.APROVADO) {
            return ResultadoDisparo.de(fila.getStatus());
        }
        Optional<StatusMensagem> antes = mensagens.travarStatus(filaId);
        boolean incerta = antes.isPresent() && antes.get() == StatusMensagem.INCERTA;
        StatusMensagem depois = mensagens.decidirIncerta(filaId, decisao, usuario).orElse(StatusMensagem.NOVA);
        if (depois.aceita()) {
            return envios.encerrar(filaId, StatusFila.ENVIADO, incerta
                    ? "Envio incerto: " + usuario + " confirmou que a mensagem chegou ao aluno"
                    : "Confirmada pelo status do WhatsApp");
        }
        if (depois == StatusMensagem.FALHOU) {
            return envios.encerrar(filaId, StatusFila.FALHOU, incerta
                    ? "Envio incerto descartado por " + usuario
                    : "WhatsApp informou falha no envio");
        }
        return ResultadoDisparo.REENVIAR;
    }

    /**
     * A status webhook settled the send while the operator's task was open: the row ends with Meta's outcome (sent,
     * delivered or read → ENVIADO; failed → FALHOU). Only a status that settled the row ends the task, so a row still
     * uncertain here is not expected; it would become an incident that says what to do.
     */
    @Transactional
    public ResultadoDisparo confirmadoPeloWhatsApp(Long filaId) {
        Optional<StatusMensagem> status = mensagens.travarStatus(filaId);
        if (status.isPresent() && status.get().aceita()) {
            return envios.encerrar(filaId, StatusFila.ENVIADO, "Confirmada pelo status do WhatsApp");
        }
        if (status.isPresent() && status.get() == StatusMensagem.FALHOU) {
            return envios.encerrar(filaId, StatusFila.FALHOU, "WhatsApp informou falha no envio");
        }
        throw new EnvioIncertoException("O envio da fila " + filaId + " continua sem confirmação do WhatsApp, mas a "
                + "tarefa \"Confirmar envio incerto\" foi encerrada. Confira no WhatsApp Manager se o aluno recebeu a "
                + "mensagem e avise o time técnico: este disparo precisa ser encerrado à mão.");
    }

    private static String quando(Instant instante, ZoneId fuso) {
        return instante == null ? "sem registro" : HORA.format(instante.atZone(fuso)) + " (" + fuso.getId() + ")";
    }

    private static String rotulo(StatusMensagem s) {
        return switch (s) {
            case ENVIADA -> "enviada";
            case ENTREGUE -> "entregue";
            case LIDA -> "lida";
            case FALHOU -> "falhou";
            default -> s.name().toLowerCase();
        };
    }
}
