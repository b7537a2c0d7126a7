package br.com.terceirizacs.bi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.EventosDisparo;
import br.com.terceirizacs.disparo.TipoRegra;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.EventosMatricula;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.OrigemAcesso;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Value events for the producer's dashboard ({@code kpis_acesso}). */
@Service
public class KpiService {

    /** The welcome with the tracked link went out: "Acesso facilitado via Zap". */
    public static final String ACESSO_FACILITADO_VIA_ZAP = "ACESSO_FACILITADO_VIA_ZAP";
    /** A first access credited to our WhatsApp link by the attribution rule. */
    public static final String PRIMEIRO_ACESSO_VIA_LINK = "PRIMEIRO_ACESSO_VIA_LINK";
    /** A rescued student whose first access came within N days after the rescue message. */
    public static final String RESGATE_CONVERTIDO = "RESGATE_CONVERTIDO";

    private final ContatoAlunoService contatos;
    private final EnvioDisparo envios;
    private final JdbcClient jdbc;
    private final Clock relogio;
    private final Duration janelaConversao;

    KpiService(ContatoAlunoService contatos, EnvioDisparo envios, JdbcClient jdbc, Clock relogio,
               @Value("${terceiriza.resgate.conversao-dias:3}") int conversaoDias) {
        this.contatos = contatos;
        this.envios = envios;
        this.jdbc = jdbc;
        this.relogio = relogio;
        this.janelaConversao = Duration.ofDays(conversaoDias);
    }

    /** Joins the send's transaction: the welcome and its KPI commit together. */
    @EventListener
    public void mensagemEnviada(EventosDisparo.MensagemEnviada e) {
        if (e.tipo() == TipoRegra.ONBOARDING) {
            registrar(contatos.destinatario(e.matriculaId()), ACESSO_FACILITADO_VIA_ZAP, null, e.em(),
                    "Boas-vindas com link rastreado enviadas");
        }
    }

    @EventListener
    public void primeiroAcesso(EventosMatricula.PrimeiroAcessoRegistrado e) {
        Destinatario d = contatos.destinatario(e.matriculaId());
        if (OrigemAcesso.LINK_WHATSAPP_TERCEIRIZA.codigo().equals(e.origem())) {
            registrar(d, PRIMEIRO_ACESSO_VIA_LINK, e.origem(), e.em(), "Primeiro acesso pelo link do WhatsApp");
        }
        envios.resgateEnviadoEm(e.matriculaId())
                .filter(enviado -> !e.em().isBefore(enviado) && !e.em().isAfter(enviado.plus(janelaConversao)))
                .ifPresent(enviado -> registrar(d, RESGATE_CONVERTIDO, e.origem(), e.em(),
                        "Primeiro acesso " + Duration.between(enviado, e.em()).toHours() + " h depois do resgate"));
    }

    /**
     * A value event recorded by a step of a diagram ("Registrar indicador", bean {@code registrarKpi}), in the step's
     * transaction. At most one per enrolment and kind: a retried job, a loop in the diagram or a step placed after a
     * send that already records the same kind by itself (the welcome) cannot count a student twice.
     *
     * @return whether a row was written (false when the enrolment already has one of this kind)
     */
    public boolean registrarPeloProcesso(long matriculaId, TipoKpi tipo, String detalhe) {
        Destinatario d = contatos.destinatario(matriculaId);
        boolean jaRegistrado = jdbc.sql("select count(*) from kpis_acesso where matricula_id = ? and tipo = ?")
                .params(matriculaId, tipo.name()).query(Long.class).single() > 0;
        if (jaRegistrado) {
            return false;
        }
        registrar(d, tipo.name(), null, relogio.instant(), detalhe.length() > 500 ? detalhe.substring(0, 500) : detalhe);
        return true;
    }

    private void registrar(Destinatario d, String tipo, String origem, Instant em, String detalhe) {
        jdbc.sql("""
                        insert into kpis_acesso (cliente_id, produto_id, matricula_id, tipo, origem, ocorrido_em, detalhe)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(d.clienteId(), d.produtoId(), d.matriculaId(), tipo, origem, Datas.utc(em), detalhe)
                .update();
    }
}
