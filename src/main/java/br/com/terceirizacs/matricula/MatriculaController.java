package br.com.terceirizacs.matricula;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/matriculas")
@Tag(name = "Matrículas", description = "Compras, primeiro acesso e progresso dos alunos")
class MatriculaController {

    private final MatriculaConsultaService consulta;

    MatriculaController(MatriculaConsultaService consulta) {
        this.consulta = consulta;
    }

    @GetMapping
    @Operation(summary = "Matrículas de um e-mail num produto Hotmart (em todos os produtores que têm o produto)")
    List<MatriculaConsultaService.MatriculaVisao> buscar(@RequestParam("produto") Long hotmartProductId,
                                   @RequestParam @NotBlank(message = "é obrigatório") @Email(message = "e-mail inválido")
                                   String email) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/a/").toUriString();
        return consulta.porProdutoEEmail(hotmartProductId, email, base);
    }

    @GetMapping(params = "alerta")
    @Operation(summary = "Matrículas com um alerta para o CS (SEM_TELEFONE, SEM_WHATSAPP…), opcionalmente de um produto "
            + "Hotmart; as 500 mais recentes")
    List<MatriculaConsultaService.MatriculaVisao> porAlerta(
            @RequestParam @NotBlank(message = "é obrigatório") String alerta,
            @RequestParam(value = "produto", required = false) Long hotmartProductId) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/a/").toUriString();
        return consulta.porAlerta(alerta.strip().toUpperCase(java.util.Locale.ROOT), hotmartProductId, base);
    }
}
