package br.com.terceirizacs.processo;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/resgate")
@Tag(name = "Resgate de acesso")
class ResgateController {

    private final RuntimeService runtime;

    ResgateController(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @PostMapping("/execucoes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Executa agora a seleção diária de resgates; as sugestões são criadas em lotes, em seguida")
    Map<String, Object> executarAgora() {
        ProcessInstanceWithVariables pi = runtime.createProcessInstanceByKey("resgate-acesso")
                .executeWithVariablesInReturn();
        return Map.of("processInstanceId", pi.getId(),
                "execucaoId", pi.getVariables().get(ResgateDelegates.EXECUCAO_ID),
                "candidatos", pi.getVariables().get(ResgateDelegates.CANDIDATOS));
    }
}
