package br.com.terceirizacs.catalogo;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The message templates page: list, edit, and a preview as the student sees it on WhatsApp. The page reads and saves
 * through {@link TemplateController} ({@code /templates/dados}), with the session's CSRF token.
 */
@Controller
class TemplatesPaginaController {

    @GetMapping("/templates")
    String pagina(Model model, Principal quem) {
        model.addAttribute("usuario", quem.getName());
        model.addAttribute("maxCorpo", TemplateValidacao.MAX_CORPO);
        model.addAttribute("maxRotulo", TemplateValidacao.MAX_ROTULO);
        return "templates";
    }
}
