package br.com.terceirizacs.processo;

import java.time.Instant;
import java.util.Map;

import br.com.terceirizacs.disparo.ResgateService;
import br.com.terceirizacs.disparo.TipoRegra;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code resgate-acesso}. */
@Configuration
class ResgateDelegates {

    static final String EXECUCAO_ID = "execucaoId";
    static final String CANDIDATOS = "candidatos";
    static final String RESTANTES = "restantes";

    @Bean("selecionarResgates")
    JavaDelegate selecionar(ResgateService resgates) {
        return ex -> {
            ResgateService.Execucao execucao = resgates.selecionar(ex.getProcessInstanceId());
            ex.setVariable(EXECUCAO_ID, execucao.id());
            ex.setVariable(CANDIDATOS, execucao.candidatos());
            ex.setVariable(RESTANTES, execucao.candidatos());
        };
    }

    /** One chunk: starts one {@code disparo} per candidate (business key = transaction) in one transaction. */
    @Bean("iniciarLoteResgates")
    JavaDelegate iniciarLote(ResgateService resgates, @Value("${terceiriza.resgate.lote:200}") int tamanho) {
        return ex -> {
            long execucao = (Long) ex.getVariable(EXECUCAO_ID);
            Instant agora = resgates.agora();
            for (ResgateService.Candidato c : resgates.proximoLote(execucao, tamanho)) {
                ex.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey("disparo", c.transacao(),
                        Map.of(Variaveis.MATRICULA_ID, c.matriculaId(), Variaveis.TIPO_REGRA, TipoRegra.RESGATE_ACESSO.name(),
                                Variaveis.MOTIVO, c.motivo(agora)));
            }
            ex.setVariable(RESTANTES, resgates.restantes(execucao));
        };
    }

    @Bean("concluirResgate")
    JavaDelegate concluir(ResgateService resgates) {
        return ex -> resgates.concluir((Long) ex.getVariable(EXECUCAO_ID));
    }
}
