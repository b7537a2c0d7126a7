package br.com.terceirizacs.whatsapp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PedidoDeSaidaTest {

    @ParameterizedTest
    @ValueSource(strings = {"SAIR", "sair", " Sair. ", "PARAR!", "parar", "Stop", "STOP!!!", "cancelar", "Cancelar 🙏",
            "Sáir", "descadastrar"})
    void pedidosDeSaidaEmQualquerCaixaComPontuacao(String texto) {
        assertThat(PedidoDeSaida.eh(texto)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Não quero sair do curso", "como faço para sair da turma?", "olá", "parar de estudar?",
            "stopped", ""})
    void frasesQueApenasContemAPalavraNaoSaoPedidos(String texto) {
        assertThat(PedidoDeSaida.eh(texto)).isFalse();
    }
}
