package br.com.terceirizacs.matricula;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** {@code GET /a/{token}}: 302 to the members area, or a pt-BR page when the link leads nowhere. */
@Controller
class LinkRastreadoController {

    private final LinkRastreadoService links;
    private final TemplateEngine templates;

    LinkRastreadoController(LinkRastreadoService links, TemplateEngine templates) {
        this.links = links;
        this.templates = templates;
    }

    @RequestMapping(path = "/a/{token}", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<String> abrir(@PathVariable String token, HttpServletRequest request) {
        LinkRastreadoService.Destino destino = links.clicar(token, request.getHeader(HttpHeaders.USER_AGENT),
                "HEAD".equals(request.getMethod()));
        if (destino instanceof LinkRastreadoService.Destino.Redirecionar r) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(r.url()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .build();
        }
        Context ctx = new Context();
        ctx.setVariable("semDestino", destino instanceof LinkRastreadoService.Destino.SemDestino);
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(templates.process("link-invalido", ctx));
    }
}
