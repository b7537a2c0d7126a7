package br.com.terceirizacs.seguranca;

import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Camunda's password policy is on for every user saved with a new password, as Camunda Admin saves them. */
class PoliticaDeSenhaTest extends IntegracaoBase {

    @Test
    void oMotorRecusaUmUsuarioComSenhaFraca() {
        User fraco = identity.newUser("senhafraca");
        fraco.setPassword("a");

        assertThatThrownBy(() -> identity.saveUser(fraco)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Password does not match policy");
        assertThat(identity.createUserQuery().userId("senhafraca").count()).isZero();
    }

    @Test
    void aApiQueOCamundaAdminUsaRecusaSenhaFracaEAceitaUmaForte() {
        Map<String, Object> fraco = Map.of("profile", Map.of("id", "senhafraca2", "firstName", "Fraca"),
                "credentials", Map.of("password", "senha-fraca"));
        assertThat(comoAdmin("POST", "/engine-rest/user/create", fraco).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(identity.createUserQuery().userId("senhafraca2").count()).isZero();

        Map<String, Object> forte = Map.of("profile", Map.of("id", "senhaforte", "firstName", "Forte"),
                "credentials", Map.of("password", "Outra-Senha-Boa-7"));
        assertThat(comoAdmin("POST", "/engine-rest/user/create", forte).statusCode()).isEqualTo(204);
        identity.deleteUser("senhaforte");
    }
}
