package br.com.terceirizacs.catalogo;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API of a product's module catalogue (Produto Progresso). A contract used by operators' scripts. */
@RestController
@RequestMapping("/api/clientes/{slug}/produtos/{hotmartProductId}/modulos")
@Tag(name = "Clientes", description = "Produtores atendidos, seus produtos e turmas")
class ModuloController {

    private final CatalogoModulos modulos;

    ModuloController(CatalogoModulos modulos) {
        this.modulos = modulos;
    }

    @PutMapping
    @Operation(summary = "Substitui o catálogo manual de módulos do produto ([{moduloId, nome, ordem}]); módulos vistos "
            + "só em eventos continuam, no fim")
    List<ModuloResumo> substituir(@PathVariable String slug, @PathVariable Long hotmartProductId,
                                  @RequestBody List<CatalogoModulos.ModuloInformado> informados) {
        return modulos.substituir(slug, hotmartProductId, informados);
    }

    @GetMapping
    @Operation(summary = "O catálogo de módulos do produto, na ordem do curso (revisar = visto só em evento)")
    List<ModuloResumo> listar(@PathVariable String slug, @PathVariable Long hotmartProductId) {
        return modulos.listar(slug, hotmartProductId);
    }
}
