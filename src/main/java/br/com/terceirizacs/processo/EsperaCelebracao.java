package br.com.terceirizacs.processo;

import java.util.Date;

import br.com.terceirizacs.celebracao.CelebracaoService;
import org.springframework.stereotype.Component;

/** The grouping wait of {@code celebracao}: {@code ${esperaCelebracao.momento()}}. */
@Component("esperaCelebracao")
public class EsperaCelebracao {

    private final CelebracaoService celebracoes;

    EsperaCelebracao(CelebracaoService celebracoes) {
        this.celebracoes = celebracoes;
    }

    public Date momento() {
        return celebracoes.momentoDaDecisao();
    }
}
