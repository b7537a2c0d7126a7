package br.com.terceirizacs.whatsapp;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Json;
import br.com.terceirizacs.comum.Hashes;
import br.com.terceirizacs.comum.Mascara;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import feign.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one template message per queue row, exactly once.
 * <ol>
 *   <li>The {@code mensagens} row (unique key = the queue row) is committed as ENVIANDO in its own transaction
 *       before the request leaves; a rolled-back job or a crash cannot erase that a request may have left.</li>
 *   <li>A row already accepted is never sent again; a row left ENVIANDO or INCERTA is never resent blindly.</li>
 *   <li>Meta's answer is committed in its own transaction too, whatever happens to the caller's.</li>
 * </ol>
 * Without a token the same path records the message as SIMULADA instead of calling Meta (dry-run). A send whose
 * template is stopped for the number is held before anything happens ({@link BloqueiosDeTemplate}).
 * <p>
 * Over 250 lines: the exactly-once protocol above (the row before the request, the request, the answer, the statuses
 * that settle an uncertain send) is one guarantee; split across classes it could no longer be checked in one read.
 */
@Service
public class MensagemService {

    private static final Logger log = LoggerFactory.getLogger(MensagemService.class);

    private final MensagemRepository mensagens;
    private final WhatsAppCloudApi api;
    private final WhatsAppProperties props;
    private final LimitadorEnvio limitador;
    private final ContatoAlunoService contatos;
    private final JdbcClient jdbc;
    private final Json json;
    private final ApplicationEventPublisher eventos;
    private final TransactionTemplate novaTx;
    private final BloqueiosDeTemplate templates;
    private final Clock clock;

    MensagemService(MensagemRepository mensagens, WhatsAppCloudApi api, WhatsAppProperties props,
                    LimitadorEnvio limitador, ContatoAlunoService contatos, JdbcClient jdbc, Json json,
                    ApplicationEventPublisher eventos, PlatformTransactionManager tm, BloqueiosDeTemplate templates,
                    Clock clock) {
        this.mensagens = mensagens;
        this.api = api;
        this.props = props;
        this.limitador = limitador;
        this.contatos = contatos;
        this.jdbc = jdbc;
        this.json = json;
        this.eventos = eventos;
        this.novaTx = new TransactionTemplate(tm);
        this.novaTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.templates = templates;
        this.clock = clock;
    }

    public ResultadoEnvio enviar(PedidoEnvio pedido) {
        String numero = props.numeroRemetente();
        verificarBloqueio(numero);

        Optional<ResultadoEnvio> anterior = novaTx.execute(s -> resultadoAnterior(pedido));
        if (anterior.isPresent()) {
            return anterior.get();
        }
        // after the previous outcome: a send Meta already accepted is settled, whatever became of its template since
        templates.verificar(numero, pedido);
        if (!limitador.aguardarVez(numero)) {
            throw new EnvioTransitorioException("Limite de envio por segundo do número atingido; nada foi enviado e o "
                    + "envio é repetido sozinho em breve. " + EnvioTransitorioException.SE_VIROU_INCIDENTE, null);
        }
        // The claim: under the row lock, and only from a state in which nothing can have left. Whatever happened
        // while we waited for the limiter (a status webhook, an operator, another node) wins over this attempt.
        Reivindicacao r = novaTx.execute(s -> {
            Optional<Mensagem> existente = mensagens.travarPorChave(Mensagem.chave(pedido.filaId()));
            if (existente.isPresent() && existente.get().getStatus() != StatusMensagem.NOVA
                    && existente.get().getStatus() != StatusMensagem.NAO_ENVIADA) {
                return new Reivindicacao(null, resultadoAnterior(pedido).orElseThrow());
            }
            Mensagem m = existente.orElseGet(() -> new Mensagem(pedido, json.escrever(pedido.parametros()), numero, clock.instant()));
            m.marcarEnviando(clock.instant());
            return new Reivindicacao(mensagens.saveAndFlush(m).getId(), null);
        });
        if (r.jaResolvida() != null) {
            return r.jaResolvida();
        }
        Long id = r.id();

        if (props.simulado()) {
            // The text itself names the student: it stays in filas_disparo.texto_previa, not in the log.
            log.info("[simulado] WhatsApp para {}: template {} com {} parâmetro(s), {} caracteres (fila {})",
                    Mascara.telefone(pedido.telefoneE164()), pedido.template(), pedido.parametros().size(),
                    pedido.textoPrevia() == null ? 0 : pedido.textoPrevia().length(), pedido.filaId());
            registrar(id, m -> m.marcarAceita(null, null, true, clock.instant()));
            return new ResultadoEnvio(ResultadoEnvio.Situacao.SIMULADA, id, null, null, "Modo simulado: nada enviado");
        }
        try {
            WhatsAppCloudApi.Resposta resposta = api.enviar(props.apiVersion(), props.phoneNumberId(),
                    "Bearer " + props.token(), corpo(pedido));
            registrar(id, m -> m.marcarAceita(resposta.wamid(), resposta.waId(), false, clock.instant()));
            if (resposta.waId() != null) {
                contatos.registrarWaId(pedido.alunoId(), resposta.waId());
            }
            log.info("WhatsApp aceito pela Meta para {} (fila {}, {})", Mascara.telefone(pedido.telefoneE164()),
                    pedido.filaId(), resposta.wamid());
            return new ResultadoEnvio(ResultadoEnvio.Situacao.ENVIADA, id, resposta.wamid(), null, null);
        } catch (ErroCloudApi e) {
            return tratarErro(pedido, id, numero, e);
        } catch (RetryableException e) {
            if (naoSaiu(e)) {
                registrar(id, m -> m.marcarNaoEnviada(-1, "Sem conexão com a Meta: " + e.getMessage(), clock.instant()));
                throw new EnvioTransitorioException("Sem conexão com a API do WhatsApp; nada foi enviado e o envio é "
                        + "repetido sozinho com espera. Se isto virou incidente, confira se o servidor alcança "
                        + "graph.facebook.com e tente o incidente de novo no Cockpit.", e);
            }
            String detalhe = "Sem resposta da Meta (" + e.getMessage() + "): a mensagem pode ter sido enviada";
            Mensagem depois = registrar(id, m -> m.marcarIncerta(detalhe, clock.instant()));
            if (depois.getStatus() != StatusMensagem.INCERTA) {
                // a status webhook came while we waited for the answer (Mensagem.marcarIncerta kept it): settled
                log.info("Envio da fila {} sem resposta da Meta, mas confirmado por status do WhatsApp ({})",
                        pedido.filaId(), depois.getStatus());
                return novaTx.execute(s -> resultadoAnterior(pedido)).orElseThrow();
            }
            log.warn("Envio incerto da fila {}: {}", pedido.filaId(), e.getClass().getSimpleName());
            return new ResultadoEnvio(ResultadoEnvio.Situacao.INCERTA, id, null, null, detalhe);
        }
    }

    private ResultadoEnvio tratarErro(PedidoEnvio pedido, Long id, String numero, ErroCloudApi e) {
        String detalhe = e.getMessage();
        switch (e.getClasse()) {
            case TRANSITORIO -> {
                registrar(id, m -> m.marcarNaoEnviada(e.getCodigo(), detalhe, clock.instant()));
                throw new EnvioTransitorioException("WhatsApp recusou por ora " + detalhe
                        + "; nada foi enviado e o envio é repetido sozinho com espera. "
                        + EnvioTransitorioException.SE_VIROU_INCIDENTE, e);
            }
            case TOKEN -> {
                registrar(id, m -> m.marcarNaoEnviada(e.getCodigo(), detalhe, clock.instant()));
                bloquear(numero, detalhe);
                throw new NumeroBloqueadoException("Token de acesso do WhatsApp inválido ou expirado " + detalhe
                        + ". Envios do número " + numero + " suspensos até trocar o token: "
                        + NumeroBloqueadoException.O_QUE_FAZER);
            }
            case TEMPLATE -> {
                // nothing left: the row can still be sent once the template is fixed (BloqueiosDeTemplate)
                registrar(id, m -> m.marcarNaoEnviada(e.getCodigo(), detalhe, clock.instant()));
                throw templates.bloquear(numero, pedido, e);
            }
            default -> {
                registrar(id, m -> m.marcarFalha(e.getCodigo(), detalhe, clock.instant()));
                if (e.getCodigo() == 131026) {
                    contatos.marcarTelefoneInutilizavel(pedido.alunoId());
                }
                return new ResultadoEnvio(ResultadoEnvio.Situacao.FALHOU, id, null, e.getCodigo(), detalhe);
            }
        }
    }

    /** A connection that was never made cannot have delivered anything. */
    private static boolean naoSaiu(RetryableException e) {
        Throwable c = e.getCause();
        if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException) {
            return true;
        }
        return c instanceof InterruptedIOException && (c.getClass().getSimpleName().contains("ConnectTimeout")
                || c.getMessage() != null && c.getMessage().toLowerCase().contains("connect timed out"));
    }

    private Optional<ResultadoEnvio> resultadoAnterior(PedidoEnvio pedido) {
        return mensagens.findByChaveIdempotencia(Mensagem.chave(pedido.filaId())).flatMap(m -> {
            if (m.getStatus().aceita()) {
                return Optional.of(new ResultadoEnvio(m.getStatus() == StatusMensagem.SIMULADA
                        ? ResultadoEnvio.Situacao.SIMULADA : ResultadoEnvio.Situacao.ENVIADA, m.getId(), m.getWamid(),
                        null, "Já enviada antes"));
            }
            if (m.getStatus() == StatusMensagem.FALHOU) {
                return Optional.of(new ResultadoEnvio(ResultadoEnvio.Situacao.FALHOU, m.getId(), null, m.getErroCodigo(),
                        m.getErroDetalhe()));
            }
            if (m.getStatus() == StatusMensagem.ENVIANDO || m.getStatus() == StatusMensagem.INCERTA) {
                m.marcarIncerta("A tentativa anterior pode ter enviado (interrompida sem resposta)", clock.instant());
                return Optional.of(new ResultadoEnvio(ResultadoEnvio.Situacao.INCERTA, m.getId(), null, null,
                        m.getErroDetalhe()));
            }
            return Optional.empty();
        });
    }

    /**
     * An operator checked an uncertain send and decided, in the caller's transaction (the task completion's): resend
     * (it did not go: the row may be claimed again), give up (FALHOU) or confirm it reached the student (ENVIADA,
     * nothing sent). The row is locked first, so a status webhook for it waits until the decision commits, or the
     * decision waits for the webhook: whichever comes second finds the row no longer INCERTA and changes nothing.
     *
     * @return the row's status after the decision (a status webhook may have settled it before)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StatusMensagem> decidirIncerta(Long filaId, DecisaoIncerta decisao, String usuario) {
        Optional<StatusMensagem> atual = travarStatus(filaId);
        if (atual.isEmpty() || atual.get() != StatusMensagem.INCERTA) {
            return atual;
        }
        Mensagem m = mensagens.findByChaveIdempotencia(Mensagem.chave(filaId)).orElseThrow();
        Instant agora = clock.instant();
        switch (decisao) {
            case REENVIAR -> m.marcarNaoEnviada(-1, "Operador " + usuario + " confirmou que não foi enviada", agora);
            case DESCARTAR -> m.marcarFalha(-1, "Operador " + usuario + " descartou o envio incerto", agora);
            case JA_ENTREGUE -> m.marcarEntreguePeloOperador("Operador " + usuario
                    + " confirmou que a mensagem chegou ao aluno", agora);
        }
        mensagens.saveAndFlush(m);
        return Optional.of(m.getStatus());
    }

    /**
     * The row's status, read under its lock in the caller's transaction (held until that transaction ends). Read
     * over JDBC so that an entity loaded earlier in the same transaction cannot answer with a stale status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StatusMensagem> travarStatus(Long filaId) {
        return jdbc.sql("select status from mensagens where chave_idempotencia = ? for update")
                .param(Mensagem.chave(filaId)).query(String.class).optional().map(StatusMensagem::valueOf);
    }

    /**
     * What is known of a send the operator must decide: when the request left, how often, and Meta's statuses. Read
     * over JDBC: the send job that asks has an older copy of the row in its persistence context.
     */
    @Transactional(readOnly = true)
    public Optional<Historico> historico(Long filaId) {
        return jdbc.sql("select id, status, enviando_em, tentativas from mensagens where chave_idempotencia = ?")
                .param(Mensagem.chave(filaId))
                .query((rs, i) -> new Object[] {rs.getLong(1), StatusMensagem.valueOf(rs.getString(2)),
                        instante(rs.getObject(3, OffsetDateTime.class)), rs.getInt(4)})
                .optional()
                .map(m -> new Historico((StatusMensagem) m[1], (Instant) m[2], (Integer) m[3], jdbc.sql("""
                                select status, ocorrido_em, erro_codigo from mensagens_status
                                where mensagem_id = ? order by ocorrido_em, id""")
                        .param(m[0])
                        .query((rs, i) -> new StatusRecebido(StatusMensagem.valueOf(rs.getString(1)),
                                instante(rs.getObject(2, OffsetDateTime.class)), (Integer) rs.getObject(3)))
                        .list()));
    }

    private static Instant instante(OffsetDateTime valor) {
        return valor == null ? null : valor.toInstant();
    }

    /** A send as an operator sees it; {@code saiuEm} is when the last request left. */
    public record Historico(StatusMensagem status, Instant saiuEm, int tentativas, List<StatusRecebido> statuses) {
    }

    /** One status Meta sent for the message (sent, delivered, read, failed) and when it happened. */
    public record StatusRecebido(StatusMensagem status, Instant ocorridoEm, Integer erroCodigo) {
    }

    public Optional<Instant> enviadaEm(Long filaId) {
        return mensagens.findByChaveIdempotencia(Mensagem.chave(filaId)).map(Mensagem::getEnviadaEm);
    }

    /** The WhatsApp id Meta answered for the queue row's send (its form of the number), if it answered one. */
    public Optional<String> waIdDaFila(Long filaId) {
        return mensagens.findByChaveIdempotencia(Mensagem.chave(filaId)).map(Mensagem::getWaId);
    }

    public Optional<StatusMensagem> statusDaFila(Long filaId) {
        return mensagens.findByChaveIdempotencia(Mensagem.chave(filaId)).map(Mensagem::getStatus);
    }

    // ----- status webhooks -----

    /** Applies one status of a status webhook; duplicates (wamid + status) are ignored. */
    void registrarStatus(String wamid, StatusMensagem status, Instant quando, Long filaDaCallback, Integer codigoErro,
                         String tituloErro) {
        novaTx.executeWithoutResult(s -> {
            Optional<Mensagem> mensagem = mensagens.findFirstByWamid(wamid)
                    .or(() -> Optional.ofNullable(filaDaCallback)
                            .flatMap(f -> mensagens.travarPorChave(Mensagem.chave(f))));
            int novos = jdbc.sql("""
                            insert into mensagens_status (mensagem_id, wamid, status, ocorrido_em, erro_codigo, erro_titulo, registrado_em)
                            select ?, ?, ?, ?, ?, ?, ? where not exists
                              (select 1 from mensagens_status where wamid = ? and status = ?)""")
                    .params(mensagem.map(Mensagem::getId).orElse(null), wamid, status.name(), Datas.utc(quando),
                            codigoErro, tituloErro, Datas.utc(clock.instant()), wamid, status.name())
                    .update();
            if (novos == 0 || mensagem.isEmpty()) {
                return;
            }
            Mensagem m = mensagem.get();
            boolean estavaIncerta = m.getStatus() == StatusMensagem.INCERTA || m.getStatus() == StatusMensagem.ENVIANDO;
            m.aplicarStatus(status, wamid, quando, codigoErro, tituloErro, clock.instant());
            if (status == StatusMensagem.FALHOU && codigoErro != null && codigoErro == 131026) {
                contatos.marcarTelefoneInutilizavel(m.getAlunoId());
            }
            if (estavaIncerta && m.getFilaDisparoId() != null) {
                eventos.publishEvent(new EnvioConfirmado(m.getFilaDisparoId(), m.getStatus()));
            }
        });
    }

    private record Reivindicacao(Long id, ResultadoEnvio jaResolvida) {
    }

    /** A status webhook settled a send we were unsure about. */
    public record EnvioConfirmado(Long filaId, StatusMensagem status) {
    }

    // ----- the number's block after an invalid token -----

    private void verificarBloqueio(String numero) {
        Optional<String> motivo = jdbc.sql("select motivo from whatsapp_bloqueios where phone_number_id = ? and token_hash = ?")
                .params(numero, hashToken()).query(String.class).optional();
        if (motivo.isPresent()) {
            throw new NumeroBloqueadoException("Envios do número " + numero + " suspensos: " + motivo.get()
                    + ". Nada foi enviado. " + NumeroBloqueadoException.O_QUE_FAZER);
        }
    }

    private void bloquear(String numero, String motivo) {
        novaTx.executeWithoutResult(s -> {
            jdbc.sql("delete from whatsapp_bloqueios where phone_number_id = ?").param(numero).update();
            jdbc.sql("insert into whatsapp_bloqueios (phone_number_id, motivo, token_hash, bloqueado_em) values (?, ?, ?, ?)")
                    .params(numero, motivo, hashToken(), Datas.utc(clock.instant())).update();
        });
        log.error("Número {} do WhatsApp bloqueado: {}", numero, motivo);
    }

    private String hashToken() {
        return Hashes.sha256(String.valueOf(props.token()));
    }

    // ----- helpers -----

    private Mensagem registrar(Long id, java.util.function.Consumer<Mensagem> mudanca) {
        return novaTx.execute(s -> {
            Mensagem m = mensagens.findLockedById(id).orElseThrow();
            mudanca.accept(m);
            return m;
        });
    }

    /** Meta's request body: template, pt_BR, positional body parameters, URL button suffix, our row id echoed back. */
    Map<String, Object> corpo(PedidoEnvio p) {
        List<Map<String, Object>> componentes = new ArrayList<>();
        if (!p.parametros().isEmpty()) {
            componentes.add(Map.of("type", "body", "parameters",
                    p.parametros().stream().map(v -> Map.of("type", "text", "text", v)).toList()));
        }
        if (p.sufixoBotao() != null) {
            componentes.add(Map.of("type", "button", "sub_type", "url", "index", "0",
                    "parameters", List.of(Map.of("type", "text", "text", p.sufixoBotao()))));
        }
        Map<String, Object> corpo = new LinkedHashMap<>();
        corpo.put("messaging_product", "whatsapp");
        corpo.put("recipient_type", "individual");
        corpo.put("to", p.telefoneE164().replace("+", ""));
        corpo.put("type", "template");
        corpo.put("biz_opaque_callback_data", "fila=" + p.filaId());
        corpo.put("template", Map.of("name", p.template(), "language", Map.of("code", p.idioma()),
                "components", componentes));
        return corpo;
    }

}
