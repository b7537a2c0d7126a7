package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site requests cannot ride a saved login on the API ({@code /api/**}, {@code /engine-rest/**}). Those use HTTP
 * Basic, which a browser replays on any site's form post once an admin has signed in to Swagger UI or the metrics page.
 * <ul>
 *   <li>A state-changing request (anything but GET, HEAD, OPTIONS, TRACE) whose {@code Origin} is another site, or
 *       {@code null}, is refused with 403; without {@code Origin}, the {@code Referer}'s origin is checked the same way.
 *       Requests with neither header (curl, Camunda Modeler, Hotmart-style machine clients) are not browser form posts
 *       and go on. The same origin is the one the request was addressed to (behind a proxy, as the forwarded headers
 *       say); {@code terceiriza.seguranca.origens-permitidas} may add others.</li>
 *   <li>On our JSON API a state-changing request with a form content type ({@code application/x-www-form-urlencoded},
 *       {@code multipart/form-data}, {@code text/plain}: what an HTML form can send without a CORS preflight) is
 *       refused with 415. A bodiless POST without a content type stays accepted. Camunda's REST API keeps multipart
 *       (Modeler deploys with it) and relies on the origin check.</li>
 * </ul>
 * Runs before authentication, so a refused request never reaches a credential check.
 */
class OrigemConfiavelFilter extends OncePerRequestFilter {

    private static final Set<String> SEGUROS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> TIPOS_DE_FORMULARIO = Set.of(MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.TEXT_PLAIN_VALUE);

    private final Set<String> permitidas;

    OrigemConfiavelFilter(Set<String> permitidas) {
        this.permitidas = permitidas.stream().filter(o -> !o.isBlank()).map(OrigemConfiavelFilter::normalizar)
                .filter(o -> !"null".equals(o)).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SEGUROS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String origem = origemDoNavegador(request);
        if (origem != null && !origem.equals(origemDaRequisicao(request)) && !permitidas.contains(origem)) {
            responder(response, HttpServletResponse.SC_FORBIDDEN,
                    "Requisição de outra origem recusada: alterações só a partir desta aplicação ou de clientes sem navegador");
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && tipoDeFormulario(request)) {
            responder(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Esta API aceita apenas JSON (Content-Type: application/json)");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The origin a browser declared ({@code Origin}, else the {@code Referer}'s); null when neither was sent. */
    static String origemDoNavegador(HttpServletRequest request) {
        String origem = request.getHeader("Origin");
        if (origem != null) {
            return normalizar(origem);
        }
        String referer = request.getHeader("Referer");
        return referer == null ? null : normalizar(referer);
    }

    /** scheme://host[:port] of the request itself, the default port left out. */
    static String origemDaRequisicao(HttpServletRequest request) {
        return normalizar(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** scheme://host[:port], lower case, the default port left out; "null" (an opaque origin) stays "null". */
    static String normalizar(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "null";
            }
            String esquema = uri.getScheme().toLowerCase(Locale.ROOT);
            int porta = uri.getPort();
            boolean padrao = porta == -1 || ("http".equals(esquema) && porta == 80) || ("https".equals(esquema) && porta == 443);
            return esquema + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (padrao ? "" : ":" + porta);
        } catch (IllegalArgumentException e) {
            return "null";
        }
    }

    private static boolean tipoDeFormulario(HttpServletRequest request) {
        String tipo = request.getContentType();
        if (tipo == null) {
            return false;
        }
        try {
            MediaType m = MediaType.parseMediaType(tipo);
            return TIPOS_DE_FORMULARIO.contains(m.getType() + "/" + m.getSubtype());
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return true;
        }
    }

    private static void responder(HttpServletResponse response, int status, String mensagem) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"erro\":\"" + mensagem + "\"}");
    }
}
