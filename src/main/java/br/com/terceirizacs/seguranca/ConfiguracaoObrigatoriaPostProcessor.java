package br.com.terceirizacs.seguranca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Runs before any bean exists:
 * <ul>
 *   <li>profile {@code postgres} (production) refuses to start unless DB_URL, DB_USER, DB_PASSWORD and ADMIN_PASSWORD
 *       are set and a WhatsApp number is configured (or simulation is intended, {@link NumeroWhatsAppObrigatorio}),
 *       with one message that names everything missing;</li>
 *   <li>elsewhere (local demo), when no ADMIN_PASSWORD is given, generates a random admin password so that there is
 *       never a default one, keeps it for the next starts on the same {@code ./data} ({@link SenhasDemo}); {@link
 *       AdminUsuarioSincronizador} prints it at every start;</li>
 *   <li>everywhere, refuses an ADMIN_PASSWORD that Camunda's password policy ({@link PoliticaDeSenha}) would refuse,
 *       naming the rules it breaks: the engine would otherwise fail later with "Password does not match policy".</li>
 * </ul>
 */
public class ConfiguracaoObrigatoriaPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SENHA = "terceiriza.admin.password";
    static final String SENHA_GERADA = "terceiriza.admin.senha-gerada";
    static final List<String> VARIAVEIS_PRODUCAO = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_PASSWORD");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (Arrays.asList(env.getActiveProfiles()).contains("postgres")) {
            List<String> faltando = new ArrayList<>();
            for (String variavel : VARIAVEIS_PRODUCAO) {
                if (env.getProperty(variavel) == null) {
                    faltando.add(variavel);
                }
            }
            List<String> whatsapp = NumeroWhatsAppObrigatorio.faltando(env);
            faltando.addAll(whatsapp);
            if (!faltando.isEmpty()) {
                throw new IllegalStateException("Perfil 'postgres' exige as variáveis de ambiente " + faltando
                        + " (nenhum valor padrão é usado em produção)."
                        + (whatsapp.isEmpty() ? "" : " " + NumeroWhatsAppObrigatorio.explicacao()));
            }
        }
        String senha = env.getProperty(SENHA);
        User admin = PoliticaDeSenha.usuario(env.getProperty("camunda.bpm.admin-user.id", "admin"),
                env.getProperty("camunda.bpm.admin-user.first-name"),
                env.getProperty("camunda.bpm.admin-user.last-name"));
        if (!StringUtils.hasText(senha) && env.getProperty("terceiriza.admin.gerar-senha-se-ausente", Boolean.class, true)) {
            String gerada = SenhasDemo.obter(SenhasDemo.arquivo(env), admin.getId(), () -> PoliticaDeSenha.gerar(admin),
                    guardada -> PoliticaDeSenha.regrasVioladas(guardada, admin).isEmpty());
            env.getPropertySources().addFirst(new MapPropertySource("senha-admin-gerada",
                    Map.of(SENHA, gerada, SENHA_GERADA, "true")));
        } else if (!StringUtils.hasText(senha)) {
            throw new IllegalStateException("Defina ADMIN_PASSWORD: não há senha padrão para o usuário admin.");
        } else {
            List<String> violadas = PoliticaDeSenha.regrasVioladas(senha, admin);
            if (!violadas.isEmpty()) {
                throw new IllegalStateException("ADMIN_PASSWORD não atende à política de senhas do Camunda: precisa "
                        + String.join("; ", violadas) + ". A política completa: " + PoliticaDeSenha.descricao() + ".");
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
