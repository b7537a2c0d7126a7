package br.com.terceirizacs.seguranca;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login of the Camunda webapps ({@code POST <webapp>/api/admin/auth/user/{engine}/login/{app}}, form fields
 * {@code username} and {@code password}) calls {@code IdentityService.checkPassword} itself, past Spring Security.
 * This filter puts {@link LimitadorLogin} in front of it: a waiting account or address gets 429 (Tasklist shows its
 * usual "login failed"), and Camunda's answer says how the attempt went: 401 is a wrong password (or an unknown user),
 * 200 the right one. Any other answer counts neither way: a 403 is either Camunda's CSRF filter (no password was
 * checked, and clearing the count on it would let anyone reset an account's count) or a right password without access
 * to that webapp.
 */
final class LoginCamundaLimitado extends OncePerRequestFilter {

    /** A login form is a user name and a password: far below this. */
    private static final int TAMANHO_MAXIMO_CORPO = 16 * 1024;

    private final LimitadorLogin limitador;
    private final Pattern login;

    LoginCamundaLimitado(LimitadorLogin limitador, String caminhoWebapps) {
        this.limitador = limitador;
        this.login = Pattern.compile(Pattern.quote(caminhoWebapps) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest pedido) {
        return !"POST".equalsIgnoreCase(pedido.getMethod())
                || !login.matcher(pedido.getRequestURI().substring(pedido.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest pedido, HttpServletResponse resposta, FilterChain cadeia)
            throws ServletException, IOException {
        // Read the form ourselves and hand Camunda the same bytes: getParameter would consume the body, and Jersey
        // would then warn about it at every login.
        byte[] corpo = pedido.getInputStream().readNBytes(TAMANHO_MAXIMO_CORPO + 1);
        if (corpo.length > TAMANHO_MAXIMO_CORPO) {
            resposta.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String conta = campo(corpo, "username");
        String endereco = pedido.getRemoteAddr();
        Duration espera = limitador.espera(conta, endereco, LimitadorLogin.Entrada.CAMUNDA);
        if (espera.compareTo(Duration.ZERO) > 0) {
            RespostaLoginEmEspera.escrever(resposta, espera);
            return;
        }
        cadeia.doFilter(new CorpoRelido(pedido, corpo), resposta);
        int status = resposta.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            limitador.falhou(conta, endereco, LimitadorLogin.Entrada.CAMUNDA);
        } else if (status == HttpServletResponse.SC_OK) {
            limitador.entrou(conta);
        }
    }

    /** The URL-decoded value of a field of an {@code application/x-www-form-urlencoded} body (null when absent). */
    static String campo(byte[] corpo, String nome) {
        for (String par : new String(corpo, StandardCharsets.ISO_8859_1).split("&")) {
            int igual = par.indexOf('=');
            String chave = igual < 0 ? par : par.substring(0, igual);
            if (chave.equals(nome)) {
                String valor = igual < 0 ? "" : par.substring(igual + 1);
                try {
                    return URLDecoder.decode(new String(valor.getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malFormado) {
                    return valor;
                }
            }
        }
        return null;
    }

    /** The request with its body given again from the bytes already read. */
    private static final class CorpoRelido extends HttpServletRequestWrapper {
        private final byte[] corpo;

        CorpoRelido(HttpServletRequest pedido, byte[] corpo) {
            super(pedido);
            this.corpo = corpo;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(corpo);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return corpo.length;
        }

        @Override
        public long getContentLengthLong() {
            return corpo.length;
        }
    }
}
