package br.com.terceirizacs.seguranca;

import java.util.List;
import java.util.Map;

import br.com.terceirizacs.comum.Aleatorio;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's default password policy ({@code enable-password-policy: true} in application.yaml), which the engine
 * enforces on every user saved with a new password (Camunda Admin, the REST API, our start-up code): at least 10
 * characters, one lower-case and one upper-case letter, one digit, one special character, and none of the user's id,
 * first name, last name or e-mail. This class reads the same rules before the engine exists (to refuse a weak
 * ADMIN_PASSWORD with a readable message) and generates passwords that pass them.
 */
final class PoliticaDeSenha {

    private static final PasswordPolicy POLITICA = new DefaultPasswordPolicyImpl();

    private PoliticaDeSenha() {
    }

    /** The rules {@code senha} breaks for {@code usuario}, in pt-BR; empty when the policy accepts it. */
    static List<String> regrasVioladas(String senha, User usuario) {
        return POLITICA.getRules().stream()
                .filter(regra -> !regra.execute(senha, usuario))
                .map(PoliticaDeSenha::descrever)
                .toList();
    }

    /** Every rule of the policy, in pt-BR, for messages that tell people what a valid password looks like. */
    static String descricao() {
        return String.join("; ", POLITICA.getRules().stream().map(PoliticaDeSenha::descrever).toList());
    }

    /** A random password (24 characters of URL-safe Base64) that the policy accepts for {@code usuario}. */
    static String gerar(User usuario) {
        while (true) {
            String senha = Aleatorio.texto(18);
            if (regrasVioladas(senha, usuario).isEmpty()) {
                return senha;
            }
        }
    }

    /** A user as the policy sees it (id and names), before the user exists in the engine. */
    static User usuario(String id, String nome, String sobrenome) {
        UserEntity usuario = new UserEntity(id);
        usuario.setFirstName(nome);
        usuario.setLastName(sobrenome);
        return usuario;
    }

    private static String descrever(PasswordPolicyRule regra) {
        Map<String, String> parametros = regra.getParameters();
        String minimo = parametros == null || parametros.isEmpty() ? "1" : parametros.values().iterator().next();
        return switch (regra.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "ter ao menos " + minimo + " caracteres";
            case "PASSWORD_POLICY_LOWERCASE" -> "ter ao menos " + minimo + " letra(s) minúscula(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "ter ao menos " + minimo + " letra(s) maiúscula(s)";
            case "PASSWORD_POLICY_DIGIT" -> "ter ao menos " + minimo + " dígito(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "ter ao menos " + minimo + " caractere(s) especial(is), como - _ ! @ #";
            case "PASSWORD_POLICY_USER_DATA" -> "não conter o id, o nome, o sobrenome nem o e-mail do usuário";
            default -> regra.getPlaceholder();
        };
    }
}
