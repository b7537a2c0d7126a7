package br.com.terceirizacs.bi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.disparo.DisparoService;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.EventosMatricula;
import br.com.terceirizacs.matricula.MatriculaService;
import br.com.terceirizacs.matricula.OrigemAcesso;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Value events for the producer's dashboard ({@code kpis_acesso}). */
@Service
public class KpiService {

    /** The welcome with the tracked link went out: "Acesso facilitado via Zap". */
    public static final String ACESSO_FACILITADO_VIA_ZAP = "ACESSO_FACILITADO_VIA_ZAP";
    /** A first access credited to our WhatsApp link by the attribution rule. */
    public static final String PRIMEIRO_ACESSO_VIA_LINK = "PRIMEIRO_ACESSO_VIA_LINK";
    /** A rescued student whose first access came within N days after the rescue message. */
    public static final String RESGATE_CONVERTIDO = "RESGATE_CONVERTIDO";

    private final MatriculaService matriculas;
    private final DisparoService disparos;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration janelaConversao;

    KpiService(MatriculaService matriculas, DisparoService disparos, JdbcClient jdbc, Clock clock,
               @Value("${terceiriza.resgate.conversao-dias:3}") int conversaoDias) {
        this.matriculas = matriculas;
        this.disparos = disparos;
        this.jdbc = jdbc;
        this.clock = clock;
        this.janelaConversao = Duration.ofDays(conversaoDias);
    }

    @Transactional
    public void boasVindasEnviadas(Long matriculaId) {
        Destinatario d = matriculas.destinatario(matriculaId);
        registrar(d, ACESSO_FACILITADO_VIA_ZAP, null, clock.instant(), "Boas-vindas com link rastreado enviadas");
    }

    @EventListener
    public void primeiroAcesso(EventosMatricula.PrimeiroAcessoRegistrado e) {
        Destinatario d = matriculas.destinatario(e.matriculaId());
        if (OrigemAcesso.LINK_WHATSAPP_TERCEIRIZA.codigo().equals(e.origem())) {
            registrar(d, PRIMEIRO_ACESSO_VIA_LINK, e.origem(), e.em(), "Primeiro acesso pelo link do WhatsApp");
        }
        disparos.resgateEnviadoEm(e.matriculaId())
                .filter(enviado -> !e.em().isBefore(enviado) && !e.em().isAfter(enviado.plus(janelaConversao)))
                .ifPresent(enviado -> registrar(d, RESGATE_CONVERTIDO, e.origem(), e.em(),
                        "Primeiro acesso " + Duration.between(enviado, e.em()).toHours() + " h depois do resgate"));
    }

    private void registrar(Destinatario d, String tipo, String origem, Instant em, String detalhe) {
        jdbc.sql("""
                        insert into kpis_acesso (cliente_id, produto_id, matricula_id, tipo, origem, ocorrido_em, detalhe)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(d.clienteId(), d.produtoId(), d.matriculaId(), tipo, origem, Datas.utc(em), detalhe)
                .update();
    }
}
