package br.com.terceirizacs.comum;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a size cap, enforced before anything else reads it (the first filter of the chain, ahead of
 * Spring Security, the webhooks' signatures and Camunda's REST API).
 * <ul>
 *   <li>A declared {@code Content-Length} over the cap gets 413 at once, without reading a byte of the body. One within
 *       the cap bounds what the container will ever hand out (Tomcat reads no further than the declared length).</li>
 *   <li>A body without a declared length (chunked) is read here, at most the cap plus one byte: over the cap it gets
 *       413 and the rest is never read; within it, the bytes read are handed on unchanged.</li>
 * </ul>
 * The 413 closes the connection, so Tomcat does not go on swallowing what the client keeps sending (it would, up to
 * {@code server.tomcat.max-swallow-size}). Deployments from Camunda Modeler have a larger cap of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LimiteDeCorpoFilter extends OncePerRequestFilter {

    static final String IMPLANTACAO = "/engine-rest/deployment/create";

    private final long limite;
    private final long limiteImplantacao;

    LimiteDeCorpoFilter(@Value("${terceiriza.http.tamanho-maximo-corpo}") DataSize limite,
                        @Value("${terceiriza.http.tamanho-maximo-implantacao}") DataSize limiteImplantacao) {
        this.limite = limite.toBytes();
        this.limiteImplantacao = limiteImplantacao.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = IMPLANTACAO.equals(request.getRequestURI()) ? limiteImplantacao : limite;
        long declarado = request.getContentLengthLong();
        if (declarado > cap) {
            recusar(response, cap);
            return;
        }
        if (declarado < 0 && temCorpo(request)) {
            byte[] lido = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (lido.length > cap) {
                recusar(response, cap);
                return;
            }
            chain.doFilter(new CorpoLido(request, lido), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A body without a declared length comes chunked; without either header there is no body. */
    private static boolean temCorpo(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static void recusar(HttpServletResponse response, long cap) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"erro\":\"Corpo da requisição maior que o limite de "
                + DataSize.ofBytes(cap).toKilobytes() + " KB\"}");
    }

    /** The request with the body already read (and found within the cap). */
    private static final class CorpoLido extends HttpServletRequestWrapper {

        private final byte[] corpo;

        CorpoLido(HttpServletRequest request, byte[] corpo) {
            super(request);
            this.corpo = corpo;
        }

        @Override
        public int getContentLength() {
            return corpo.length;
        }

        @Override
        public long getContentLengthLong() {
            return corpo.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(corpo);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is already in memory: it is available at once, and then all read. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (available() > 0) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }
}
