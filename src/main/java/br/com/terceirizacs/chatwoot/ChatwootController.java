package br.com.terceirizacs.chatwoot;

import java.util.List;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.comum.NaoEncontradoException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API of a producer's Chatwoot connection and of the label requests (role ADMIN, like all of /api). Secrets go
 * in and never come out: the answers say whether each is set.
 */
@RestController
@RequestMapping("/api/clientes/{slug}/chatwoot")
@Tag(name = "Chatwoot", description = "Conexão de cada produtor ao seu Chatwoot e etiquetas pedidas")
class ChatwootController {

    private final ConexoesChatwoot conexoes;
    private final EtiquetaService etiquetas;
    private final CatalogoService catalogo;
    private final ClienteChatwoot chatwoot;

    ChatwootController(ConexoesChatwoot conexoes, EtiquetaService etiquetas, CatalogoService catalogo,
                       ClienteChatwoot chatwoot) {
        this.conexoes = conexoes;
        this.etiquetas = etiquetas;
        this.catalogo = catalogo;
        this.chatwoot = chatwoot;
    }

    /** Every field may be left out: it keeps its value. */
    record DadosConexao(
            @Size(max = 500, message = "deve ter no máximo 500 caracteres") String baseUrl,
            Long accountId,
            Long inboxId,
            String apiToken,
            String webhookSecret,
            Boolean exigirAssinatura,
            String tokenUrl,
            Boolean espelharNotas) {

        @Override
        public String toString() {
            return "DadosConexao[baseUrl=" + baseUrl + ", conta=" + accountId + ", caixa=" + inboxId + "]";
        }
    }

    @PutMapping
    @Operation(summary = "Conecta ou altera o Chatwoot do produtor (campos ausentes ficam como estão; "
            + "token e segredos nunca são devolvidos)")
    ConexoesChatwoot.Visao alterar(@PathVariable String slug, @Valid @RequestBody DadosConexao dados) {
        ConexoesChatwoot.Visao visao = conexoes.alterar(slug, new ConexoesChatwoot.Alteracao(dados.baseUrl(),
                dados.accountId(), dados.inboxId(), dados.apiToken(), dados.webhookSecret(), dados.exigirAssinatura(),
                dados.tokenUrl(), dados.espelharNotas()));
        chatwoot.esquecerEtiquetasDaConta();
        return visao;
    }

    @GetMapping
    @Operation(summary = "Mostra a conexão com o Chatwoot: configuração, se cada segredo está definido e a última "
            + "chamada bem-sucedida")
    ConexoesChatwoot.Visao obter(@PathVariable String slug) {
        return conexoes.visao(slug);
    }

    @GetMapping("/etiquetas")
    @Operation(summary = "Etiquetas pedidas para uma matrícula do produtor e o que aconteceu com cada uma")
    List<RegistroEtiquetas.Linha> etiquetas(@PathVariable String slug, @RequestParam Long matriculaId) {
        Long cliente = catalogo.clientePorSlug(slug).getId();
        Long dono;
        try {
            dono = etiquetas.clienteDaMatricula(matriculaId);
        } catch (java.util.NoSuchElementException e) {
            dono = null;
        }
        if (!cliente.equals(dono)) {
            throw new NaoEncontradoException("Matrícula " + matriculaId + " não encontrada neste produtor");
        }
        return etiquetas.registros(matriculaId);
    }
}
