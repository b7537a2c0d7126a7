package br.com.terceirizacs.catalogo;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for producers, products and turmas. These paths are a contract used by operators' scripts. */
@RestController
@RequestMapping("/api/clientes")
@Tag(name = "Clientes", description = "Produtores atendidos, seus produtos e turmas")
class ClienteController {

    private final CatalogoService catalogo;
    private final TurmaService turmas;

    ClienteController(CatalogoService catalogo, TurmaService turmas) {
        this.catalogo = catalogo;
        this.turmas = turmas;
    }

    record NovoCliente(
            @NotBlank(message = "é obrigatório") @Size(max = 200, message = "deve ter no máximo 200 caracteres") String nome,
            @NotBlank(message = "é obrigatório")
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "use apenas letras minúsculas, números e hífens")
            @Size(max = 80, message = "deve ter no máximo 80 caracteres") String slug,
            @NotBlank(message = "é obrigatório") @Size(min = 8, max = 200, message = "deve ter entre 8 e 200 caracteres")
            String hottok) {
    }

    record ClienteResposta(Long id, String nome, String slug) {
        static ClienteResposta de(Cliente c) {
            return new ClienteResposta(c.getId(), c.getNome(), c.getSlug());
        }
    }

    record DadosProduto(
            @NotNull(message = "é obrigatório") @Positive(message = "deve ser um id de produto Hotmart") Long hotmartProductId,
            @NotBlank(message = "é obrigatório") @Size(max = 300, message = "deve ter no máximo 300 caracteres") String nome,
            @NotNull(message = "é obrigatório") Boolean ativoMonitoramento,
            @UrlAreaMembros @Size(max = 1000, message = "deve ter no máximo 1000 caracteres") String urlAreaMembros,
            @Size(max = 200, message = "deve ter no máximo 200 caracteres") String templateBoasVindas,
            Boolean monitoramentoProgresso) {
    }

    record NovaTurma(
            @NotBlank(message = "é obrigatório") @Size(max = 200, message = "deve ter no máximo 200 caracteres") String nome,
            List<@NotBlank(message = "não pode ser vazio") String> codigosOferta,
            LocalDate dataInicio,
            LocalDate dataFim) {

        @AssertTrue(message = "informe códigos de oferta ou o período de compra (dataInicio e dataFim), não ambos")
        boolean isCriterioUnico() {
            boolean porOferta = codigosOferta != null && !codigosOferta.isEmpty();
            boolean porPeriodo = dataInicio != null || dataFim != null;
            return porOferta != porPeriodo;
        }

        @AssertTrue(message = "dataInicio e dataFim devem vir juntos, com dataInicio até dataFim")
        boolean isPeriodoValido() {
            if (dataInicio == null && dataFim == null) {
                return true;
            }
            return dataInicio != null && dataFim != null && !dataInicio.isAfter(dataFim);
        }
    }

    record TurmaResposta(Long id, String nome, TipoTurma tipo, LocalDate dataInicio, LocalDate dataFim,
                         List<String> codigosOferta) {
    }

    @PostMapping
    @Operation(summary = "Cadastra um produtor (o hottok é guardado apenas como hash)")
    ResponseEntity<ClienteResposta> criar(@Valid @RequestBody NovoCliente novo) {
        Cliente cliente = catalogo.criarCliente(novo.nome().trim(), novo.slug(), novo.hottok());
        return ResponseEntity.created(URI.create("/api/clientes/" + cliente.getSlug())).body(ClienteResposta.de(cliente));
    }

    @GetMapping
    @Operation(summary = "Lista os produtores")
    List<ClienteResposta> listar() {
        return catalogo.listarClientes().stream().map(ClienteResposta::de).toList();
    }

    @GetMapping("/{slug}")
    ClienteResposta obter(@PathVariable String slug) {
        return ClienteResposta.de(catalogo.clientePorSlug(slug));
    }

    @PostMapping("/{slug}/produtos")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cadastra um produto Hotmart do produtor")
    ProdutoResumo criarProduto(@PathVariable String slug, @Valid @RequestBody DadosProduto dados) {
        return catalogo.criarProduto(slug, dados.hotmartProductId(), dados.nome().trim(), dados.ativoMonitoramento(),
                dados.urlAreaMembros(), dados.templateBoasVindas(), Boolean.TRUE.equals(dados.monitoramentoProgresso()));
    }

    @PutMapping("/{slug}/produtos/{hotmartProductId}")
    @Operation(summary = "Atualiza um produto (o id Hotmart do corpo deve ser o da URL; monitoramentoProgresso ausente "
            + "= inalterado)")
    ProdutoResumo atualizarProduto(@PathVariable String slug, @PathVariable Long hotmartProductId,
                                   @Valid @RequestBody DadosProduto dados) {
        if (!hotmartProductId.equals(dados.hotmartProductId())) {
            throw new RequisicaoInvalidaException("hotmartProductId", "deve ser igual ao id do produto na URL");
        }
        return catalogo.atualizarProduto(slug, hotmartProductId, dados.nome().trim(), dados.ativoMonitoramento(),
                dados.urlAreaMembros(), dados.templateBoasVindas(), dados.monitoramentoProgresso());
    }

    @GetMapping("/{slug}/produtos/{hotmartProductId}")
    @Operation(summary = "Um produto do produtor")
    ProdutoResumo obterProduto(@PathVariable String slug, @PathVariable Long hotmartProductId) {
        return catalogo.produtoPorSlug(slug, hotmartProductId);
    }

    @GetMapping("/{slug}/produtos")
    List<ProdutoResumo> listarProdutos(@PathVariable String slug) {
        return catalogo.listarProdutos(slug);
    }

    @PostMapping("/{slug}/produtos/{hotmartProductId}/turmas")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cria uma turma por códigos de oferta ou por período de compra (datas inclusivas, fuso do produtor)")
    TurmaResposta criarTurma(@PathVariable String slug, @PathVariable Long hotmartProductId,
                             @Valid @RequestBody NovaTurma nova) {
        Turma turma = turmas.criarTurma(slug, hotmartProductId, nova.nome().trim(), nova.codigosOferta(),
                nova.dataInicio(), nova.dataFim());
        return new TurmaResposta(turma.getId(), turma.getNome(), turma.getTipo(), turma.getDataInicio(),
                turma.getDataFim(), nova.codigosOferta() == null ? List.of() : List.copyOf(nova.codigosOferta()));
    }

    @GetMapping("/{slug}/produtos/{hotmartProductId}/turmas")
    List<TurmaResposta> listarTurmas(@PathVariable String slug, @PathVariable Long hotmartProductId) {
        return turmas.listarTurmas(slug, hotmartProductId).stream()
                .map(t -> new TurmaResposta(t.turma().getId(), t.turma().getNome(), t.turma().getTipo(),
                        t.turma().getDataInicio(), t.turma().getDataFim(), t.codigosOferta()))
                .toList();
    }
}
