package br.com.terceirizacs.seguranca;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where the form login lands: the message templates page when that is what the person asked for (or all they may
 * open: a process owner), the dashboard otherwise (as before, whatever else was asked for).
 */
class DestinoAposLogin implements AuthenticationSuccessHandler {

    private static final String TEMPLATES = "/templates";

    private final RequestCache pedidos = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest req, HttpServletResponse resp, Authentication autenticacao)
            throws IOException {
        SavedRequest pedido = pedidos.getRequest(req, resp);
        pedidos.removeRequest(req, resp);
        String destino = "/painel";
        if (pedido != null && pedidoDeTemplates(req, pedido)) {
            destino = TEMPLATES;
        } else if (soDonoDeProcesso(autenticacao)) {
            destino = TEMPLATES;
        }
        resp.sendRedirect(req.getContextPath() + destino);
    }

    private static boolean pedidoDeTemplates(HttpServletRequest req, SavedRequest pedido) {
        String caminho = java.net.URI.create(pedido.getRedirectUrl()).getPath();
        return caminho != null && caminho.equals(req.getContextPath() + TEMPLATES);
    }

    private static boolean soDonoDeProcesso(Authentication a) {
        return !a.getAuthorities().isEmpty() && a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .allMatch(p -> p.equals("ROLE_" + Papeis.DONO_PROCESSO));
    }
}
