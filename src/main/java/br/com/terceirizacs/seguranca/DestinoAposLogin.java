package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where the form login goes next. A person sent to the login from a story page ({@code /historia…}, a link CS shares)
 * goes back to it; an operator (group {@code operacao} alone, no dashboard) goes to the story's search; everyone else
 * to {@code /painel}, whatever they asked before: the dashboard's other addresses (its live stream, its JSON) are no
 * page to land on.
 */
class DestinoAposLogin implements AuthenticationSuccessHandler {

    private static final String HISTORIA = "/historia";

    private final RequestCache pedidos = new HttpSessionRequestCache();
    private final SavedRequestAwareAuthenticationSuccessHandler pedidoSalvo = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SimpleUrlAuthenticationSuccessHandler historia = new SimpleUrlAuthenticationSuccessHandler(HISTORIA);
    private final SimpleUrlAuthenticationSuccessHandler painel = new SimpleUrlAuthenticationSuccessHandler("/painel");

    DestinoAposLogin() {
        historia.setAlwaysUseDefaultTargetUrl(true);
        painel.setAlwaysUseDefaultTargetUrl(true);
        pedidoSalvo.setDefaultTargetUrl(HISTORIA);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication autenticacao) throws IOException, ServletException {
        SavedRequest salvo = pedidos.getRequest(request, response);
        if (salvo != null && paraHistoria(request, salvo)) {
            pedidoSalvo.onAuthenticationSuccess(request, response, autenticacao);
            return;
        }
        pedidos.removeRequest(request, response);
        Set<String> papeis = autenticacao.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean temPainel = papeis.contains("ROLE_" + Papeis.ADMIN) || papeis.contains("ROLE_" + Papeis.CS)
                || papeis.contains("ROLE_" + Papeis.CLIENTE);
        (temPainel || !papeis.contains("ROLE_" + Papeis.OPERACAO) ? painel : historia)
                .onAuthenticationSuccess(request, response, autenticacao);
    }

    private static boolean paraHistoria(HttpServletRequest request, SavedRequest salvo) {
        String caminho = URI.create(salvo.getRedirectUrl()).getPath();
        String base = request.getContextPath() + HISTORIA;
        return caminho != null && (caminho.equals(base) || caminho.startsWith(base + "/"));
    }
}
