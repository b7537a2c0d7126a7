package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie the application sets (our session, Camunda's webapp session and {@code XSRF-TOKEN}) gets
 * {@code SameSite=Lax}, and {@code Secure} whenever the request came over HTTPS, directly or through a proxy that said
 * so ({@code server.forward-headers-strategy}). Over plain HTTP (the local demo) {@code Secure} would make the
 * browser drop the cookie, so it is left out there. The servlet container's session cookie follows the same rule
 * on its own ({@code server.servlet.session.cookie.same-site}, {@code Secure} from {@code request.isSecure()}).
 * HSTS is Spring Security's header writer, which sends it on secure requests only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CookiesSegurosFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Resposta(response, request.isSecure()));
    }

    static String reforcar(String cabecalho, boolean seguro) {
        String minusculo = cabecalho.toLowerCase(Locale.ROOT);
        StringBuilder s = new StringBuilder(cabecalho);
        if (seguro && !minusculo.matches("(?s).*;\\s*secure\\s*(;.*|$)")) {
            s.append("; Secure");
        }
        if (!minusculo.contains("samesite=")) {
            s.append("; SameSite=Lax");
        }
        return s.toString();
    }

    private static final class Resposta extends HttpServletResponseWrapper {

        private final boolean seguro;

        Resposta(HttpServletResponse response, boolean seguro) {
            super(response);
            this.seguro = seguro;
        }

        @Override
        public void addCookie(Cookie cookie) {
            if (seguro) {
                cookie.setSecure(true);
            }
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String nome, String valor) {
            super.addHeader(nome, "Set-Cookie".equalsIgnoreCase(nome) && valor != null ? reforcar(valor, seguro) : valor);
        }

        @Override
        public void setHeader(String nome, String valor) {
            super.setHeader(nome, "Set-Cookie".equalsIgnoreCase(nome) && valor != null ? reforcar(valor, seguro) : valor);
        }
    }
}
