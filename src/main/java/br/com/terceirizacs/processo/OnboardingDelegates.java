package br.com.terceirizacs.processo;

import br.com.terceirizacs.matricula.ContatoAlunoService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code onboarding}. */
@Configuration
class OnboardingDelegates {

    static final String SEM_TELEFONE = "SEM_TELEFONE";

    @Bean("verificarTelefone")
    JavaDelegate verificarTelefone(ContatoAlunoService contatos) {
        return ex -> ex.setVariable(Variaveis.TEM_TELEFONE,
                Variaveis.transitoria(contatos.destinatario(matriculaId(ex)).telefoneUtilizavel()));
    }

    @Bean("sinalizarSemTelefone")
    JavaDelegate sinalizarSemTelefone(ContatoAlunoService contatos) {
        return ex -> contatos.sinalizarParaCs(matriculaId(ex), SEM_TELEFONE);
    }

    private static Long matriculaId(DelegateExecution ex) {
        return (Long) ex.getVariable(Variaveis.MATRICULA_ID);
    }
}
