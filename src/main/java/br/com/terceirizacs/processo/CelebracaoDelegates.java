package br.com.terceirizacs.processo;

import br.com.terceirizacs.celebracao.CelebracaoService;
import br.com.terceirizacs.celebracao.RegrasCelebracao;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code celebracao}. */
@Configuration
class CelebracaoDelegates {

    /** Decidir se parabeniza: the rules of {@link RegrasCelebracao}; the template only when congratulating. */
    @Bean("decidirCelebracao")
    JavaDelegate decidirCelebracao(CelebracaoService celebracoes) {
        return ex -> {
            RegrasCelebracao.Decisao d = celebracoes.decidir((Long) ex.getVariable(Variaveis.MATRICULA_ID),
                    (String) ex.getVariable(Variaveis.MODULO_ID));
            ex.setVariable(Variaveis.PARABENIZAR, Variaveis.transitoria(d.parabenizar()));
            if (d.parabenizar()) {
                ex.setVariable(Variaveis.TEMPLATE, d.template());
            }
        };
    }
}
