package br.com.terceirizacs.whatsapp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import br.com.terceirizacs.comum.BancoDosWebhooks;
import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Mascara;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.RespostasAluno;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook: {@code GET} subscription check; {@code POST} statuses and inbound messages, signed with the app
 * secret over the raw bytes. Batches are iterated whole; duplicates and out-of-order statuses are tolerated, so a
 * batch applied in part (or in whole, after its answer) is safe to deliver again.
 * <p>
 * Meta gets its answer within {@code terceiriza.webhooks.whatsapp-espera}: the batch is applied on a small pool of
 * its own threads and, if that takes longer (the database down or restarting, the main pool busy), the answer is 503
 * with {@code Retry-After} and Meta delivers it again; a request thread never waits on the main pool for long, and
 * no more than {@code whatsapp-threads} of them ever do at once.
 */
@RestController
@Tag(name = "Webhooks")
class WhatsAppWebhookController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    private final WhatsAppProperties props;
    private final MensagemService mensagens;
    private final ContatoAlunoService contatos;
    private final RespostasAluno respostas;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final BancoDosWebhooks webhooks;
    private final ThreadPoolTaskExecutor executor;
    private final Duration espera;

    WhatsAppWebhookController(WhatsAppProperties props, MensagemService mensagens, ContatoAlunoService contatos,
                              RespostasAluno respostas, JdbcClient jdbc, PlatformTransactionManager tm,
                              ObjectMapper mapper, Clock clock, BancoDosWebhooks webhooks,
                              @Value("${terceiriza.webhooks.whatsapp-threads}") int threads,
                              @Value("${terceiriza.webhooks.whatsapp-espera}") Duration espera) {
        this.props = props;
        this.mensagens = mensagens;
        this.contatos = contatos;
        this.respostas = respostas;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        this.mapper = mapper;
        this.clock = clock;
        this.webhooks = webhooks;
        this.espera = espera;
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(threads * 10);
        executor.setThreadNamePrefix("webhook-whatsapp-");
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        executor.initialize();
    }

    @GetMapping(value = "/webhooks/whatsapp", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Verificação da assinatura do webhook pela Meta (hub.challenge)")
    ResponseEntity<String> verificar(@RequestParam(name = "hub.mode", required = false) String modo,
                                     @RequestParam(name = "hub.verify_token", required = false) String token,
                                     @RequestParam(name = "hub.challenge", required = false) String desafio) {
        boolean ok = "subscribe".equals(modo) && props.verifyToken() != null && !props.verifyToken().isBlank()
                && java.security.MessageDigest.isEqual(props.verifyToken().getBytes(), String.valueOf(token).getBytes());
        return ok ? ResponseEntity.ok(desafio) : ResponseEntity.status(HttpStatus.FORBIDDEN).body("token inválido");
    }

    @PostMapping("/webhooks/whatsapp")
    @Operation(summary = "Status de mensagens e mensagens recebidas (assinadas com X-Hub-Signature-256)")
    ResponseEntity<Map<String, Object>> receber(@RequestHeader(name = "X-Hub-Signature-256", required = false) String assinatura,
                                                @RequestBody(required = false) byte[] corpo) throws IOException {
        byte[] bytes = corpo == null ? new byte[0] : corpo;
        if (!AssinaturaMeta.valida(assinatura, bytes, props.appSecret())) {
            log.warn("Webhook do WhatsApp recusado: assinatura {}", assinatura == null ? "ausente" : "inválida");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("erro", "assinatura inválida"));
        }
        JsonNode raiz;
        try {
            raiz = mapper.readTree(bytes);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(Map.of("erro", "JSON inválido"));
        }
        Future<Map<String, Object>> aplicacao;
        try {
            aplicacao = executor.submit(() -> aplicar(raiz));
        } catch (TaskRejectedException e) {
            log.warn("Webhook do WhatsApp respondido com 503: {} lotes já à espera do banco", executor.getQueueSize());
            return webhooks.indisponivel();
        }
        try {
            return ResponseEntity.ok(aplicacao.get(espera.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // not started yet: dropped; already running: it finishes, and the delivery Meta repeats is a duplicate
            aplicacao.cancel(false);
            log.warn("Webhook do WhatsApp respondido com 503: lote não aplicado em {} ms", espera.toMillis());
            return webhooks.indisponivel();
        } catch (ExecutionException e) {
            if (BancoDosWebhooks.bancoIndisponivel(e.getCause())) {
                log.warn("Webhook do WhatsApp respondido com 503: banco indisponível ({})",
                        e.getCause().getClass().getSimpleName());
                return webhooks.indisponivel();
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return webhooks.indisponivel();
        }
    }

    /** One batch: each status, and each inbound message with its opt-out, in a transaction of its own. */
    private Map<String, Object> aplicar(JsonNode raiz) {
        int statuses = 0;
        int recebidas = 0;
        for (JsonNode entry : raiz.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                for (JsonNode s : value.path("statuses")) {
                    statuses += status(s) ? 1 : 0;
                }
                for (JsonNode m : value.path("messages")) {
                    recebidas += Boolean.TRUE.equals(tx.execute(t -> recebida(m))) ? 1 : 0;
                }
            }
        }
        return Map.of("statuses", statuses, "mensagens", recebidas);
    }

    private boolean status(JsonNode s) {
        StatusMensagem status = switch (s.path("status").asText()) {
            case "sent" -> StatusMensagem.ENVIADA;
            case "delivered" -> StatusMensagem.ENTREGUE;
            case "read" -> StatusMensagem.LIDA;
            case "failed" -> StatusMensagem.FALHOU;
            default -> null;
        };
        String wamid = s.path("id").asText(null);
        if (status == null || wamid == null) {
            return false;
        }
        Instant quando = s.path("timestamp").canConvertToLong() || s.path("timestamp").asText().matches("\\d+")
                ? Instant.ofEpochSecond(Long.parseLong(s.path("timestamp").asText())) : clock.instant();
        JsonNode erro = s.path("errors").path(0);
        Integer codigo = erro.path("code").canConvertToInt() ? erro.path("code").asInt() : null;
        String titulo = erro.hasNonNull("title") ? erro.path("title").asText() : null;
        mensagens.registrarStatus(wamid, status, quando, filaDaCallback(s.path("biz_opaque_callback_data").asText(null)),
                codigo, titulo);
        return true;
    }

    /**
     * Inbound messages: recorded once (Meta's id), linked to the students of the sender's number (a reply CS sees on
     * the enrolment and in the approval form); a stop request opts the student out.
     */
    private boolean recebida(JsonNode m) {
        String wamid = m.path("id").asText(null);
        String waId = m.path("from").asText(null);
        if (wamid == null) {
            return false;
        }
        String tipo = m.path("type").asText("desconhecido");
        String texto = switch (tipo) {
            case "text" -> m.path("text").path("body").asText(null);
            case "button" -> m.path("button").path("text").asText(null);
            default -> null;
        };
        boolean optOut = PedidoDeSaida.eh(texto);
        Instant agora = clock.instant();
        int novas = jdbc.sql("""
                        insert into whatsapp_recebidas (wamid, wa_id, tipo, texto, opt_out, recebida_em)
                        select ?, ?, ?, ?, ?, ? where not exists (select 1 from whatsapp_recebidas where wamid = ?)""")
                .params(wamid, waId, tipo, texto == null ? null : texto.substring(0, Math.min(4000, texto.length())),
                        optOut, Datas.utc(agora), wamid)
                .update();
        if (novas == 1) {
            respostas.registrar(wamid, waId, tipo, texto, optOut, agora);
        }
        if (novas == 1 && optOut && waId != null) {
            List<Long> alunos = contatos.registrarOptOut(waId, "Pediu para sair pelo WhatsApp: " + texto.trim());
            log.info("Opt-out de {} pelo WhatsApp: {} aluno(s)", Mascara.telefone("+" + waId), alunos.size());
        }
        return novas == 1;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    private static Long filaDaCallback(String callback) {
        if (callback == null || !callback.startsWith("fila=")) {
            return null;
        }
        String id = callback.substring("fila=".length());
        return id.matches("\\d{1,18}") ? Long.parseLong(id) : null;
    }
}
