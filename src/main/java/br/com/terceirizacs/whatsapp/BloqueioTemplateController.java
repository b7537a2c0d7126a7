package br.com.terceirizacs.whatsapp;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Templates stopped after Meta refused them (errors 132xxx), and their release once fixed in WhatsApp Manager. */
@RestController
@RequestMapping("/api/whatsapp/templates")
@Tag(name = "WhatsApp", description = "Templates bloqueados no número de envio")
class BloqueioTemplateController {

    private final BloqueiosDeTemplate bloqueios;

    BloqueioTemplateController(BloqueiosDeTemplate bloqueios) {
        this.bloqueios = bloqueios;
    }

    @GetMapping("/bloqueados")
    @Operation(summary = "Templates bloqueados no número de envio, com o erro da Meta e a fila que virou incidente")
    List<BloqueiosDeTemplate.Bloqueio> bloqueados() {
        return bloqueios.doNumero();
    }

    @PostMapping("/{nome}/liberar")
    @Operation(summary = "Libera o template corrigido no WhatsApp Manager (todos os idiomas, ou só o informado): "
            + "o incidente é refeito e os envios retidos saem uma vez cada")
    Liberacao liberar(@PathVariable String nome, @RequestParam(required = false) String idioma, Principal quem) {
        return new Liberacao(bloqueios.liberar(nome, idioma, quem.getName()));
    }

    record Liberacao(List<BloqueiosDeTemplate.Bloqueio> liberados) {
    }
}
