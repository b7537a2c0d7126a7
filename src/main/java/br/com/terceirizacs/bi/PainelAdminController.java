package br.com.terceirizacs.bi;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' control of the dashboard's summary tables (role ADMIN, like all of /api). */
@RestController
@Tag(name = "Painel", description = "Agregados do painel do produtor")
class PainelAdminController {

    private final PainelAgregador agregador;

    PainelAdminController(PainelAgregador agregador) {
        this.agregador = agregador;
    }

    @PostMapping("/api/painel/reconstrucao")
    @Operation(summary = "Reconstrói todos os agregados do painel a partir das matrículas, resgates e mensagens "
            + "(depois de correções feitas direto no banco ou de mudar o fuso de um cliente)")
    Map<String, Object> reconstruir() {
        long inicio = System.nanoTime();
        int dias = agregador.reconstruirTudo();
        return Map.of("diasDeCompra", dias, "segundos", Math.round((System.nanoTime() - inicio) / 1e7) / 100.0);
    }
}
