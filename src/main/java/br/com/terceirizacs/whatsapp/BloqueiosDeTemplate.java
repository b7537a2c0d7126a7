package br.com.terceirizacs.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.NaoEncontradoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Templates stopped for a sending number after Meta refused the template itself ({@link ClasseErro#TEMPLATE}), like
 * {@code whatsapp_bloqueios} stops a number after an invalid token, but per (number, template, language).
 * <ul>
 *   <li>The first send that meets the error writes the block and becomes the <b>one</b> incident
 *       ({@link TemplateBloqueadoException}). A send that meets the error while the block already exists (two sends
 *       in flight together) is held instead: the unique key decides which one is the incident.</li>
 *   <li>Every later send of the template from the number is <b>held</b> before anything leaves
 *       ({@link EnvioRetidoException}): its message row stays as it was (never FALHOU), its job waits without an
 *       incident and without spending retries.</li>
 *   <li>The block is lifted by an operator: {@code POST /api/whatsapp/templates/{nome}/liberar}, or retrying the
 *       incident in Cockpit. Rule: a retry of the send that raised the block is the operator saying "fixed"; that
 *       send lifts the block and goes. Either way {@link TemplateLiberado} is published and the held sends are made
 *       due at once; each still goes exactly once, through the usual claim of its message row.</li>
 * </ul>
 * Writes are committed in transactions of their own: the job that meets the error rolls back, the block must stay.
 */
@Service
public class BloqueiosDeTemplate {

    private static final Logger log = LoggerFactory.getLogger(BloqueiosDeTemplate.class);

    private final JdbcClient jdbc;
    private final WhatsAppProperties props;
    private final ApplicationEventPublisher eventos;
    private final TransactionTemplate novaTx;
    private final Clock clock;

    BloqueiosDeTemplate(JdbcClient jdbc, WhatsAppProperties props, ApplicationEventPublisher eventos,
                        PlatformTransactionManager tm, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.eventos = eventos;
        this.novaTx = new TransactionTemplate(tm);
        this.novaTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A stopped template of the number, as the API shows it. */
    public record Bloqueio(String template, String idioma, Long filaId, int erroCodigo, String motivo,
                           Instant bloqueadoEm) {
    }

    /** How messages name a template of a number; the incident and the held jobs are found again by it. */
    public static String referencia(String numero, String template, String idioma) {
        return "template " + template + " (" + idioma + ") do número " + numero;
    }

    /**
     * Before a send: held if its template is stopped for the number. The send that raised the block, run again (its
     * incident retried), lifts it instead and goes.
     */
    void verificar(String numero, PedidoEnvio p) {
        Optional<Bloqueio> b = bloqueio(numero, p.template(), p.idioma());
        if (b.isEmpty()) {
            return;
        }
        if (b.get().filaId().equals(p.filaId())) {
            if (remover(numero, p.template(), p.idioma(), p.filaId()) > 0) {
                log.warn("Incidente do {} tentado de novo (fila {}): template considerado corrigido e liberado",
                        referencia(numero, p.template(), p.idioma()), p.filaId());
                eventos.publishEvent(new TemplateLiberado(numero, p.template(), p.idioma(), "nova tentativa do incidente"));
            }
            return;
        }
        throw retido(numero, p, b.get().filaId(), b.get().motivo());
    }

    /** Meta refused the template on this send: stop it for the number; the first send to do so is the incident. */
    RuntimeException bloquear(String numero, PedidoEnvio p, ErroCloudApi e) {
        String ref = referencia(numero, p.template(), p.idioma());
        String motivo = e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage();
        boolean primeiro;
        try {
            primeiro = Boolean.TRUE.equals(novaTx.execute(s -> jdbc.sql("""
                            insert into whatsapp_bloqueios_template
                                (phone_number_id, template, idioma, fila_disparo_id, erro_codigo, motivo, bloqueado_em)
                            select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from whatsapp_bloqueios_template
                                where phone_number_id = ? and template = ? and idioma = ?)""")
                    .params(numero, p.template(), p.idioma(), p.filaId(), e.getCodigo(), motivo,
                            Datas.utc(clock.instant()), numero, p.template(), p.idioma())
                    .update() == 1));
        } catch (DataIntegrityViolationException corrida) {
            primeiro = false; // another send of the template inserted it in the same instant: that one is the incident
        }
        if (!primeiro) {
            Long dono = bloqueio(numero, p.template(), p.idioma()).map(Bloqueio::filaId).orElse(null);
            return retido(numero, p, dono, motivo);
        }
        log.error("WhatsApp: {} bloqueado após erro da Meta {} (fila {})", ref, e.getMessage(), p.filaId());
        return new TemplateBloqueadoException("O " + ref + " foi recusado pela Meta: " + e.getMessage()
                + ". Nenhum aluno recebeu esta mensagem e os demais envios deste template ficam retidos, sem se perder. "
                + "Corrija o template no WhatsApp Manager e depois libere-o (POST /api/whatsapp/templates/"
                + p.template() + "/liberar) ou tente de novo este incidente: os envios retidos saem uma vez cada.");
    }

    private EnvioRetidoException retido(String numero, PedidoEnvio p, Long filaDoIncidente, String motivo) {
        return new EnvioRetidoException("Envio retido: o " + referencia(numero, p.template(), p.idioma())
                + " está bloqueado (" + motivo + "). Nada foi enviado; a mensagem sai quando o template for liberado "
                + "(POST /api/whatsapp/templates/" + p.template() + "/liberar ou nova tentativa do incidente da fila "
                + filaDoIncidente + ").");
    }

    /** The number's stopped templates, oldest first. */
    public List<Bloqueio> doNumero() {
        return jdbc.sql("""
                        select template, idioma, fila_disparo_id, erro_codigo, motivo, bloqueado_em
                        from whatsapp_bloqueios_template where phone_number_id = ? order by bloqueado_em, template, idioma""")
                .param(props.numeroRemetente())
                .query(BloqueiosDeTemplate::bloqueio)
                .list();
    }

    /**
     * An operator fixed the template in WhatsApp Manager: lift its block for the current number (every language, or
     * only {@code idioma}); the held sends go at once. 404 (pt-BR) when nothing of that name is stopped.
     */
    public List<Bloqueio> liberar(String template, String idioma, String usuario) {
        String numero = props.numeroRemetente();
        List<Bloqueio> alvo = doNumero().stream()
                .filter(b -> b.template().equals(template) && (idioma == null || b.idioma().equals(idioma)))
                .toList();
        List<Bloqueio> liberados = alvo.stream()
                .filter(b -> remover(numero, b.template(), b.idioma(), b.filaId()) > 0)
                .toList();
        if (liberados.isEmpty()) {
            throw new NaoEncontradoException("O template " + template + (idioma == null ? "" : " (" + idioma + ")")
                    + " não está bloqueado no número " + numero + ".");
        }
        for (Bloqueio b : liberados) {
            log.warn("WhatsApp: {} liberado por {}", referencia(numero, b.template(), b.idioma()), usuario);
            eventos.publishEvent(new TemplateLiberado(numero, b.template(), b.idioma(), usuario));
        }
        return liberados;
    }

    private Optional<Bloqueio> bloqueio(String numero, String template, String idioma) {
        return jdbc.sql("""
                        select template, idioma, fila_disparo_id, erro_codigo, motivo, bloqueado_em
                        from whatsapp_bloqueios_template where phone_number_id = ? and template = ? and idioma = ?""")
                .params(numero, template, idioma)
                .query(BloqueiosDeTemplate::bloqueio)
                .optional();
    }

    private static Bloqueio bloqueio(ResultSet rs, int linha) throws SQLException {
        return new Bloqueio(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    /** Deletes the block raised by that send only: a block raised again meanwhile by another send stays. */
    private int remover(String numero, String template, String idioma, Long filaId) {
        Integer n = novaTx.execute(s -> jdbc.sql("""
                        delete from whatsapp_bloqueios_template
                        where phone_number_id = ? and template = ? and idioma = ? and fila_disparo_id = ?""")
                .params(numero, template, idioma, filaId).update());
        return n == null ? 0 : n;
    }
}
