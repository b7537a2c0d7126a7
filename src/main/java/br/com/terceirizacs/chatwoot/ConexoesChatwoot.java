package br.com.terceirizacs.chatwoot;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each producer's Chatwoot connection ({@code chatwoot_conexoes}). Rules, with their reasons:
 * <ul>
 *   <li>A field left out of a change keeps its value: an operator rotating the token must not have to retype the
 *       rest (nor the other secrets, which nobody can read back).</li>
 *   <li>The first connection needs baseUrl, accountId, inboxId and apiToken: nothing can be called without them.</li>
 *   <li>The webhook is never left open: with {@code exigirAssinatura} off (Chatwoot before 4.11.2 signs nothing),
 *       an unguessable {@code tokenUrl} of at least {@value #TOKEN_URL_MINIMO} characters is required.</li>
 *   <li>A change is validated whole before anything is written: a bad request changes nothing.</li>
 *   <li>Secrets are never returned nor logged; the view says only whether each is set.</li>
 * </ul>
 */
@Service
public class ConexoesChatwoot {

    static final int TOKEN_URL_MINIMO = 32;

    private static final Logger log = LoggerFactory.getLogger(ConexoesChatwoot.class);

    private final JdbcClient jdbc;
    private final CatalogoService catalogo;
    private final Clock clock;

    ConexoesChatwoot(JdbcClient jdbc, CatalogoService catalogo, Clock clock) {
        this.jdbc = jdbc;
        this.catalogo = catalogo;
        this.clock = clock;
    }

    /** A change: every field may be null (= unchanged). */
    record Alteracao(String baseUrl, Long accountId, Long inboxId, String apiToken, String webhookSecret,
                     Boolean exigirAssinatura, String tokenUrl, Boolean espelharNotas) {

        @Override
        public String toString() {
            return "Alteracao[baseUrl=" + baseUrl + ", conta=" + accountId + ", caixa=" + inboxId + "]";
        }
    }

    /** What an operator may see of a connection: whether each secret is set, never its value. */
    record Visao(boolean configurado, String baseUrl, Long accountId, Long inboxId, boolean apiTokenDefinido,
                 boolean webhookSecretDefinido, boolean exigirAssinatura, boolean tokenUrlDefinido,
                 boolean espelharNotas, OffsetDateTime ultimaChamadaOkEm) {
    }

    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public Optional<ConexaoChatwoot> doCliente(Long clienteId) {
        return jdbc.sql("""
                        select cliente_id, base_url, account_id, inbox_id, api_token_texto, webhook_secret_texto,
                               exigir_assinatura, token_url_texto, espelhar_notas, ultima_chamada_ok_em
                        from chatwoot_conexoes where cliente_id = ?""")
                .param(clienteId)
                .query((rs, n) -> new ConexaoChatwoot(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getBoolean(9),
                        Optional.ofNullable(rs.getObject(10, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .optional();
    }

    @Transactional(readOnly = true)
    Visao visao(String slug) {
        Cliente cliente = catalogo.clientePorSlug(slug);
        return doCliente(cliente.getId()).map(ConexoesChatwoot::visao)
                .orElseGet(() -> new Visao(false, null, null, null, false, false, true, false, true, null));
    }

    private static Visao visao(ConexaoChatwoot c) {
        return new Visao(true, c.baseUrl(), c.accountId(), c.inboxId(), definido(c.apiToken()),
                definido(c.webhookSecret()), c.exigirAssinatura(), definido(c.tokenUrl()), c.espelharNotas(),
                Datas.utc(c.ultimaChamadaOkEm()));
    }

    @Transactional
    Visao alterar(String slug, Alteracao a) {
        Cliente cliente = catalogo.clientePorSlug(slug);
        Optional<ConexaoChatwoot> atual = doCliente(cliente.getId());
        String baseUrl = a.baseUrl() != null ? baseUrlValida(a.baseUrl()) : atual.map(ConexaoChatwoot::baseUrl).orElse(null);
        Long conta = a.accountId() != null ? positivo("accountId", a.accountId()) : atual.map(ConexaoChatwoot::accountId).orElse(null);
        Long caixa = a.inboxId() != null ? positivo("inboxId", a.inboxId()) : atual.map(ConexaoChatwoot::inboxId).orElse(null);
        String token = a.apiToken() != null ? segredo("apiToken", a.apiToken(), 8) : atual.map(ConexaoChatwoot::apiToken).orElse(null);
        String secret = a.webhookSecret() != null ? segredo("webhookSecret", a.webhookSecret(), 8)
                : atual.map(ConexaoChatwoot::webhookSecret).orElse(null);
        boolean exigir = a.exigirAssinatura() != null ? a.exigirAssinatura() : atual.map(ConexaoChatwoot::exigirAssinatura).orElse(true);
        String tokenUrl = a.tokenUrl() != null ? segredo("tokenUrl", a.tokenUrl(), TOKEN_URL_MINIMO)
                : atual.map(ConexaoChatwoot::tokenUrl).orElse(null);
        boolean notas = a.espelharNotas() != null ? a.espelharNotas() : atual.map(ConexaoChatwoot::espelharNotas).orElse(true);
        obrigatorio("baseUrl", baseUrl);
        obrigatorio("accountId", conta);
        obrigatorio("inboxId", caixa);
        obrigatorio("apiToken", token);
        if (!exigir && !definido(tokenUrl)) {
            throw new RequisicaoInvalidaException("tokenUrl", "sem exigir assinatura, informe um tokenUrl de pelo menos "
                    + TOKEN_URL_MINIMO + " caracteres: o webhook nunca fica aberto");
        }
        Instant agora = clock.instant();
        if (atual.isEmpty()) {
            jdbc.sql("""
                            insert into chatwoot_conexoes (cliente_id, base_url, account_id, inbox_id, api_token_texto,
                                webhook_secret_texto, exigir_assinatura, token_url_texto, espelhar_notas, criado_em,
                                atualizado_em) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(cliente.getId(), baseUrl, conta, caixa, token, secret, exigir, tokenUrl, notas,
                            Datas.utc(agora), Datas.utc(agora))
                    .update();
        } else {
            jdbc.sql("""
                            update chatwoot_conexoes set base_url = ?, account_id = ?, inbox_id = ?, api_token_texto = ?,
                                webhook_secret_texto = ?, exigir_assinatura = ?, token_url_texto = ?, espelhar_notas = ?,
                                atualizado_em = ? where cliente_id = ?""")
                    .params(baseUrl, conta, caixa, token, secret, exigir, tokenUrl, notas, Datas.utc(agora),
                            cliente.getId())
                    .update();
        }
        log.info("Chatwoot do produtor {} {}: {} conta {} caixa {}{}", slug, atual.isEmpty() ? "conectado" : "alterado",
                baseUrl, conta, caixa, atual.isPresent() && a.apiToken() != null ? " (token trocado)" : "");
        return visao(slug);
    }

    /**
     * A call to this producer's Chatwoot succeeded: shown by GET as the last successful call. Written at most once a
     * minute, so a burst of calls does not queue on the producer's row.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void registrarChamadaOk(Long clienteId) {
        Instant agora = clock.instant();
        jdbc.sql("""
                        update chatwoot_conexoes set ultima_chamada_ok_em = ? where cliente_id = ?
                          and (ultima_chamada_ok_em is null or ultima_chamada_ok_em < ?)""")
                .params(Datas.utc(agora), clienteId, Datas.utc(agora.minusSeconds(60))).update();
    }

    /** http or https, a host, no user info (a token in the URL would be stored and shown), no query or fragment. */
    static String baseUrlValida(String texto) {
        String valor = texto.strip();
        URI uri;
        try {
            uri = new URI(valor);
        } catch (URISyntaxException e) {
            throw new RequisicaoInvalidaException("baseUrl", "não é uma URL válida");
        }
        String esquema = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!esquema.equals("http") && !esquema.equals("https")) {
            throw new RequisicaoInvalidaException("baseUrl", "deve começar com http:// ou https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RequisicaoInvalidaException("baseUrl", "não é uma URL válida: falta o endereço do servidor");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new RequisicaoInvalidaException("baseUrl",
                    "informe só o endereço do Chatwoot, sem usuário, senha, parâmetros ou fragmento");
        }
        if (valor.length() > 500) {
            throw new RequisicaoInvalidaException("baseUrl", "deve ter no máximo 500 caracteres");
        }
        return valor.endsWith("/") ? valor.substring(0, valor.length() - 1) : valor;
    }

    private static Long positivo(String campo, Long valor) {
        if (valor <= 0) {
            throw new RequisicaoInvalidaException(campo, "deve ser um número positivo (o id que aparece no Chatwoot)");
        }
        return valor;
    }

    private static String segredo(String campo, String valor, int minimo) {
        if (valor.isBlank() || valor.strip().length() < minimo || valor.length() > 500) {
            throw new RequisicaoInvalidaException(campo, "deve ter entre " + minimo + " e 500 caracteres");
        }
        if (!valor.equals(valor.strip()) || valor.chars().anyMatch(Character::isISOControl)) {
            throw new RequisicaoInvalidaException(campo, "não pode ter espaços nas pontas nem caracteres de controle");
        }
        return valor;
    }

    private static void obrigatorio(String campo, Object valor) {
        if (valor == null) {
            throw new RequisicaoInvalidaException(campo, "é obrigatório na primeira configuração do Chatwoot");
        }
    }

    private static boolean definido(String valor) {
        return valor != null && !valor.isBlank();
    }
}
