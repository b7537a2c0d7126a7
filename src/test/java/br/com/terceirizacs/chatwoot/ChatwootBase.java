package br.com.terceirizacs.chatwoot;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The producers' Chatwoot for tests: one WireMock per JVM serving {@link ChatwootFalso} (stubs of higher priority
 * can answer errors first), the sample purchase's enrolment (Mariana, +5511900000001) and the producer connected.
 */
public abstract class ChatwootBase extends IntegracaoBase {

    protected static final ChatwootFalso FALSO = new ChatwootFalso();
    protected static final WireMockServer CHATWOOT = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().extensions(FALSO).containerThreads(20));

    static {
        CHATWOOT.start();
    }

    @Autowired
    ClienteChatwoot cliente;

    protected long matriculaId;

    @BeforeEach
    void chatwootLimpo() {
        CHATWOOT.resetAll();
        CHATWOOT.stubFor(any(urlPathMatching("/api/v1/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers(ChatwootFalso.NOME)));
        FALSO.limpar();
        cliente.esquecerEtiquetasDaConta();
        postarEProcessar(amostra("purchase-approved.json"));
        matriculaId = contar("select id from matriculas");
    }

    /** The sample producer's connection, through the admin API as an operator does it. */
    protected HttpResponse<String> conectar(Map<String, Object> alteracao) {
        return comoAdmin("PUT", "/api/clientes/" + SLUG + "/chatwoot", alteracao);
    }

    protected void conectar() {
        Map<String, Object> dados = new LinkedHashMap<>();
        dados.put("baseUrl", CHATWOOT.baseUrl());
        dados.put("accountId", ChatwootFalso.CONTA);
        dados.put("inboxId", ChatwootFalso.CAIXA);
        dados.put("apiToken", ChatwootFalso.TOKEN);
        HttpResponse<String> r = conectar(dados);
        if (r.statusCode() != 200) {
            throw new AssertionError("PUT do Chatwoot respondeu " + r.statusCode() + ": " + r.body());
        }
    }

    protected static int pedidos(String metodo, String caminho) {
        return (int) CHATWOOT.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(metodo)
                        && e.getRequest().getUrl().split("\\?")[0].equals(caminho))
                .count();
    }
}
