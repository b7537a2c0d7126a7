package br.com.terceirizacs.hotmart;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.comum.BancoDosWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/hotmart}: authenticate by hottok, store, acknowledge; processing happens after the commit.
 * Any authentic delivery we manage to store gets a 2xx, usable or not: Hotmart deactivates hooks that keep failing.
 * A 5xx only ever means "not stored": when the database does not answer (down, restarting, or no connection of the
 * webhooks' pool free within {@code terceiriza.webhooks.espera-conexao}) it is a 503 with {@code Retry-After}, within
 * about that wait, and never a 500; nothing is falsely acknowledged.
 */
@RestController
@Tag(name = "Webhooks")
class HotmartWebhookController {

    private static final Logger log = LoggerFactory.getLogger(HotmartWebhookController.class);

    private final CatalogoService catalogo;
    private final HotmartInbox inbox;
    private final InboxDespachante despachante;
    private final BancoDosWebhooks webhooks;
    private final int limite;

    HotmartWebhookController(CatalogoService catalogo, HotmartInbox inbox, InboxDespachante despachante,
                             BancoDosWebhooks webhooks,
                             @Value("${terceiriza.hotmart.tamanho-maximo-corpo}") DataSize limite) {
        this.catalogo = catalogo;
        this.inbox = inbox;
        this.despachante = despachante;
        this.webhooks = webhooks;
        this.limite = (int) limite.toBytes();
    }

    @PostMapping("/webhooks/hotmart")
    @Operation(summary = "Recebe eventos da Hotmart (webhook 2.0.0), autenticados pelo cabeçalho X-HOTMART-HOTTOK")
    ResponseEntity<Map<String, Object>> receber(
            @RequestHeader(name = "X-HOTMART-HOTTOK", required = false) String hottok,
            HttpServletRequest request) throws IOException {
        Optional<Long> cliente = catalogo.clientePorHottok(hottok);
        if (cliente.isEmpty()) {
            log.warn("Webhook Hotmart recusado: hottok {} (de {})", hottok == null ? "ausente" : "inválido",
                    request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("erro", "hottok ausente ou inválido"));
        }
        if (request.getContentLengthLong() > limite) {
            return grandeDemais();
        }
        byte[] corpo = lerAte(request.getInputStream(), limite);
        if (corpo == null) {
            return grandeDemais();
        }
        HotmartInbox.Recebimento r = inbox.receber(cliente.get(), corpo);
        if (r.novo() && r.situacao() == SituacaoEvento.PENDENTE) {
            despachante.agendar(r.id());
        }
        return ResponseEntity.ok(Map.of("recebido", true, "id", r.id(), "situacao", r.situacao(), "novo", r.novo()));
    }

    /** The hottok look-up or the insert found no database: not stored, so Hotmart must deliver it again. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Map<String, Object>> bancoIndisponivel(RuntimeException e) {
        log.warn("Webhook Hotmart respondido com 503: banco indisponível ({})", e.getClass().getSimpleName());
        return webhooks.indisponivel();
    }

    private static ResponseEntity<Map<String, Object>> grandeDemais() {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("erro", "corpo maior que o limite"));
    }

    /** Reads at most {@code limite} bytes; null when the body is larger. */
    private static byte[] lerAte(InputStream in, int limite) throws IOException {
        byte[] lido = in.readNBytes(limite + 1);
        return lido.length > limite ? null : lido;
    }
}
