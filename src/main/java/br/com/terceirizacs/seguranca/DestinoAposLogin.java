package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where the form login goes next. A person sent to the login from a page of its own (a student's story
 * {@code /historia…}, a link CS shares, or the message templates {@code /templates…}) goes back to it; someone whose
 * only page is one of those (an operator: group {@code operacao}; a process owner: group {@code donos-processo}) goes
 * there; everyone else to {@code /painel}, whatever they asked before: the dashboard's other addresses (its live
 * stream, its JSON) are no page to land on. Only paths of this application are followed (no open redirect).
 */
class DestinoAposLogin implements AuthenticationSuccessHandler {

    private static final String PAINEL = "/painel";
    private static final String HISTORIA = "/historia";
    private static final String TEMPLATES = "/templates";

    private final RequestCache pedidos = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest req, HttpServletResponse resp, Authentication autenticacao)
            throws IOException {
        SavedRequest pedido = pedidos.getRequest(req, resp);
        pedidos.removeRequest(req, resp);
        String base = req.getContextPath();
        String caminho = pedido == null ? null : URI.create(pedido.getRedirectUrl()).getPath();
        for (String pagina : List.of(HISTORIA, TEMPLATES)) {
            if (caminho != null && (caminho.equals(base + pagina) || caminho.startsWith(base + pagina + "/"))) {
                resp.sendRedirect(caminho);
                return;
            }
        }
        Set<String> papeis = autenticacao.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean temPainel = papeis.contains("ROLE_" + Papeis.ADMIN) || papeis.contains("ROLE_" + Papeis.CS)
                || papeis.contains("ROLE_" + Papeis.CLIENTE);
        String destino = temPainel ? PAINEL
                : papeis.contains("ROLE_" + Papeis.OPERACAO) ? HISTORIA
                : papeis.contains("ROLE_" + Papeis.DONO_PROCESSO) ? TEMPLATES
                : PAINEL;
        resp.sendRedirect(base + destino);
    }
}
