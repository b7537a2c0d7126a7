package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the approval form ({@code forms/aprovar-disparo.form}) lets a person submit, checked on the server. */
class CamposDoFormularioTest {

    private static CamposDoFormulario aprovacao;

    @BeforeAll
    static void lerFormulario() throws IOException {
        try (InputStream in = CamposDoFormularioTest.class.getResourceAsStream("/forms/aprovar-disparo.form")) {
            aprovacao = CamposDoFormulario.ler(in);
        }
    }

    @Test
    void osCamposSaoOsDoFormularioComSeusLimites() {
        assertThat(aprovacao.campos()).containsOnlyKeys("aluno", "telefone", "produto", "motivoSugestao",
                "ultimaResposta", "mensagem", "decisao", "textoLivre", "motivoDescarte");
        // display only: the last reply is dropped if submitted; the dry-run notice is text, never a field
        assertThat(aprovacao.campos().get("ultimaResposta").somenteLeitura()).isTrue();
        assertThat(aprovacao.filtrar(Map.of("decisao", "aprovar", "ultimaResposta", "forjada"), true))
                .containsOnlyKeys("decisao");
        assertThatThrownBy(() -> aprovacao.filtrar(Map.of("decisao", "aprovar", "modoSimulacao", false), true))
                .isInstanceOf(CamposDoFormulario.SubmissaoRecusada.class);
        assertThat(aprovacao.campos().get("textoLivre").tamanhoMaximo()).isEqualTo(500);
        assertThat(aprovacao.campos().get("decisao").valores()).containsExactly("aprovar", "descartar");
        assertThat(aprovacao.campos().get("mensagem").somenteLeitura()).isTrue();
    }

    @Test
    void umaVariavelForaDoFormularioERecusada() {
        assertThatThrownBy(() -> aprovacao.filtrar(Map.of("decisao", "aprovar", "filaId", 99L), true))
                .isInstanceOf(CamposDoFormulario.SubmissaoRecusada.class)
                .hasMessageContaining("a variável 'filaId' não faz parte do formulário");
    }

    @Test
    void umaVariavelTipadaDaApiRestEVerificadaPeloQueContem() {
        assertThatThrownBy(() -> aprovacao.filtrar(Variables.createVariables().putValueTyped("decisao",
                Variables.stringValue("enviar-tudo")), true))
                .hasMessageContaining("o campo 'Decisão' aceita apenas aprovar, descartar");
        assertThat(aprovacao.filtrar(Variables.createVariables().putValueTyped("decisao",
                Variables.stringValue("aprovar")), true)).containsKey("decisao");
    }

    @Test
    void oTextoEditavelAlemDoLimiteERecusado() {
        assertThatThrownBy(() -> aprovacao.filtrar(Map.of("decisao", "aprovar", "textoLivre", "x".repeat(501)), true))
                .hasMessageContaining("o campo 'Trecho editável da mensagem (opcional)' aceita no máximo 500 caracteres");
        assertThat(aprovacao.filtrar(Map.of("decisao", "aprovar", "textoLivre", "x".repeat(500)), true))
                .containsEntry("textoLivre", "x".repeat(500));
    }

    @Test
    void umTextoNoLugarDeUmaEscolhaOuUmNumeroNoLugarDeUmTextoSaoRecusados() {
        assertThatThrownBy(() -> aprovacao.filtrar(Map.of("decisao", "aprovar", "motivoDescarte", 42), true))
                .hasMessageContaining("o campo 'Motivo do descarte' deve ser um texto");
    }

    @Test
    void osCamposSomenteLeituraSaoDescartadosNuncaGravados() {
        Map<String, Object> enviados = new HashMap<>();
        enviados.put("decisao", "descartar");
        enviados.put("motivoDescarte", "Aluno já falou com o suporte");
        enviados.put("mensagem", "Outra mensagem qualquer");
        enviados.put("aluno", "Outra pessoa");
        assertThat(aprovacao.filtrar(enviados, true)).containsOnlyKeys("decisao", "motivoDescarte");
    }

    @Test
    void semADecisaoObrigatoriaNadaEConcluido() {
        assertThatThrownBy(() -> aprovacao.filtrar(Map.of(), true))
                .hasMessageContaining("o campo 'Decisão' é obrigatório");
        assertThat(aprovacao.filtrar(Map.of(), false)).isEmpty();
    }

    @Test
    void escreverUmCampoSomenteLeituraOuForaDoFormularioERecusado() {
        assertThatThrownBy(() -> aprovacao.exigirEditaveis(java.util.List.of("mensagem")))
                .hasMessageContaining("mensagem não pode ser alterado por este formulário");
        assertThatThrownBy(() -> aprovacao.exigirEditaveis(java.util.List.of("filaId")))
                .hasMessageContaining("filaId");
        aprovacao.exigirEditaveis(java.util.List.of("textoLivre", "decisao"));
    }

    @Test
    void semFormularioNenhumaVariavelPassa() {
        assertThatThrownBy(() -> CamposDoFormulario.NENHUM.filtrar(Map.of("restantes", 0), true))
                .hasMessageContaining("a variável 'restantes' não faz parte do formulário");
        assertThat(CamposDoFormulario.NENHUM.filtrar(null, true)).isEmpty();
    }
}
