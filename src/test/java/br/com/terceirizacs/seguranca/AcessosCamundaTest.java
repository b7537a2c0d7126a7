package br.com.terceirizacs.seguranca;

import java.util.List;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each Camunda group may do, as the docs say: CS starts the rescue from Tasklist and nothing else. */
class AcessosCamundaTest extends IntegracaoBase {

    @Autowired
    RepositoryService repositorio;

    @Autowired
    FormService formularios;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @AfterEach
    void sair() {
        identity.clearAuthentication();
    }

    @Test
    void oCsIniciaOResgateDeAcessoPeloTasklist() {
        identity.setAuthentication("csqualquer", List.of(Papeis.GRUPO_CS));

        assertThat(runtime.startProcessInstanceByKey("resgate-acesso")).isNotNull();
        identity.clearAuthentication();
        assertThat(contar("select count(*) from resgate_execucoes")).isEqualTo(1);
    }

    @Test
    void oCsNaoIniciaDisparosNemBoasVindasPorFora() {
        identity.setAuthentication("csqualquer", List.of(Papeis.GRUPO_CS));

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("disparo")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("onboarding")).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void iniciarOResgateComVariaveisQueNaoHaNoFormularioERecusado() {
        identity.setAuthentication("csqualquer", List.of(Papeis.GRUPO_CS));
        String definicao = repositorio.createProcessDefinitionQuery().processDefinitionKey("resgate-acesso")
                .latestVersion().singleResult().getId();

        assertThatThrownBy(() -> formularios.submitStartForm(definicao, Map.of("restantes", 0)))
                .hasMessageContaining("'restantes' não faz parte do formulário");
        identity.clearAuthentication();
        assertThat(contar("select count(*) from resgate_execucoes")).isZero();
    }

    @Test
    void aOperacaoTemOTasklistEOFiltroDeEnviosIncertosEMaisNada() {
        org.camunda.bpm.engine.AuthorizationService autorizacoes = processEngine.getAuthorizationService();
        assertThat(identity.createGroupQuery().groupId(Papeis.GRUPO_OPERACAO).singleResult()).isNotNull();
        assertThat(autorizacoes.isUserAuthorized("opqualquer", List.of(Papeis.GRUPO_OPERACAO),
                org.camunda.bpm.engine.authorization.Permissions.ACCESS,
                org.camunda.bpm.engine.authorization.Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(autorizacoes.isUserAuthorized("opqualquer", List.of(Papeis.GRUPO_OPERACAO),
                org.camunda.bpm.engine.authorization.Permissions.ACCESS,
                org.camunda.bpm.engine.authorization.Resources.APPLICATION, "cockpit")).isFalse();

        identity.setAuthentication("opqualquer", List.of(Papeis.GRUPO_OPERACAO));
        assertThat(processEngine.getFilterService().createFilterQuery().list())
                .extracting(f -> f.getName()).containsExactly(AcessosCamunda.FILTRO_INCERTOS);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("resgate-acesso"))
                .isInstanceOf(AuthorizationException.class);
    }
}
