package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/** How a refused login attempt is answered, on each way in. */
final class RespostaLoginEmEspera {

    private RespostaLoginEmEspera() {
    }

    static String mensagem(Duration espera) {
        return "Muitas tentativas de login seguidas. Tente de novo em " + LimitadorLogin.textoEspera(espera) + ".";
    }

    static long segundos(Duration espera) {
        return Math.max(1, (espera.toMillis() + 999) / 1000);
    }

    /** 429 with Retry-After and a problem detail in pt-BR (API and the Camunda webapps' login). */
    static void escrever(HttpServletResponse resposta, Duration espera) throws IOException {
        resposta.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        resposta.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(segundos(espera)));
        resposta.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        resposta.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // our own text only (no user input), so no escaping is needed
        resposta.getWriter().write("{\"title\":\"Muitas tentativas de login\",\"status\":429,\"detail\":\""
                + mensagem(espera) + "\",\"esperaSegundos\":" + segundos(espera) + "}");
    }

    /** HTTP Basic: 429 while waiting, otherwise Spring's usual 401 with WWW-Authenticate. */
    static AuthenticationEntryPoint basic() {
        BasicAuthenticationEntryPoint padrao = new BasicAuthenticationEntryPoint();
        padrao.setRealmName("Realm");
        return (HttpServletRequest pedido, HttpServletResponse resposta, AuthenticationException e) -> {
            if (e instanceof LoginEmEsperaException emEspera) {
                escrever(resposta, emEspera.espera());
            } else {
                padrao.commence(pedido, resposta, e);
            }
        };
    }

    /** The form at /login: back to the page, saying how long to wait ({@code ?espera=seconds}) or that it failed. */
    static AuthenticationFailureHandler formulario() {
        SimpleUrlAuthenticationFailureHandler padrao = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (pedido, resposta, e) -> {
            if (e instanceof LoginEmEsperaException emEspera) {
                resposta.sendRedirect(pedido.getContextPath() + "/login?espera=" + segundos(emEspera.espera()));
            } else {
                padrao.onAuthenticationFailure(pedido, resposta, e);
            }
        };
    }
}
