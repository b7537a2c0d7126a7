package br.com.terceirizacs.seguranca;

import java.util.Set;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>Webhooks and tracked links are public: they authenticate by their own secrets (hottok) or carry none (clicks).</li>
 *   <li>The Camunda webapps have their own login and CSRF protection, backed by the same identity store.</li>
 *   <li>Our admin API, Camunda's REST API, OpenAPI and metrics need HTTP Basic with role ADMIN; process owners
 *       (role DONO_PROCESSO) reach Camunda's deployment resource and the message templates only. State-changing calls from another site's page
 *       are refused ({@link OrigemConfiavelFilter}), and Camunda's REST API runs as the caller, under the engine's
 *       authorizations.</li>
 *   <li>The producer's dashboard uses form login ({@code /login}) with a session: producer users (e-mail, role
 *       CLIENTE) and Terceiriza staff (their Camunda user, roles ADMIN or CS). Which producer each may read is
 *       decided per request by {@link AcessoPainel}. The message templates page ({@code /templates}) uses the same
 *       login, for ADMIN and process owners.</li>
 *   <li>A student's story (the page {@code /historia}, form login like the dashboard, and its API
 *       {@code /api/historia}, HTTP Basic) is for Terceiriza staff only: ADMIN, CS and operations (group
 *       {@code operacao}); producer users never reach it.</li>
 *   <li>Every login, on each of the three ways in (HTTP Basic, the form, the webapps' own login), goes through
 *       {@link LimitadorLogin}.</li>
 * </ul>
 */
@Configuration
class SegurancaConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiAdmin(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                 LimitadorLogin limitador,
                                 @Value("${terceiriza.seguranca.origens-permitidas:}") Set<String> origensPermitidas)
            throws Exception {
        // Path-pattern matchers: /engine-rest is Jersey's servlet, not Spring MVC's, so MVC matchers would miss it.
        PathPatternRequestMatcher.Builder caminho = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(caminho.matcher("/api/**"), caminho.matcher("/engine-rest/**"),
                        caminho.matcher("/v3/api-docs/**"), caminho.matcher("/swagger-ui/**"),
                        caminho.matcher("/swagger-ui.html"), caminho.matcher("/actuator/**")))
                .authenticationManager(new AutenticacaoLimitada(new ProviderManager(provider), limitador,
                        LimitadorLogin.Entrada.API))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(caminho.matcher("/actuator/health/**"), caminho.matcher("/actuator/health"),
                                caminho.matcher("/actuator/info")).permitAll()
                        // Process owners deploy from Camunda Modeler: the deployment resource and nothing else.
                        .requestMatchers(caminho.matcher(HttpMethod.GET, "/engine-rest/version"),
                                caminho.matcher(HttpMethod.GET, "/engine-rest/deployment"),
                                caminho.matcher(HttpMethod.GET, "/engine-rest/deployment/**"),
                                caminho.matcher(HttpMethod.POST, "/engine-rest/deployment/create"),
                                caminho.matcher(HttpMethod.GET, "/engine-rest/process-definition"),
                                caminho.matcher(HttpMethod.GET, "/engine-rest/process-definition/**"))
                        .hasAnyRole(Papeis.ADMIN, Papeis.DONO_PROCESSO)
                        // ... and edit message templates (catalogo/TemplateController).
                        .requestMatchers(caminho.matcher("/api/templates"), caminho.matcher("/api/templates/**"))
                        .hasAnyRole(Papeis.ADMIN, Papeis.DONO_PROCESSO)
                        // A student's story: staff who follow students, read-only
                        .requestMatchers(caminho.matcher(HttpMethod.GET, "/api/historia/**"),
                                caminho.matcher(HttpMethod.POST, "/api/historia/buscas"))
                        .hasAnyRole(Papeis.ADMIN, Papeis.CS, Papeis.OPERACAO)
                        .anyRequest().hasRole(Papeis.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(RespostaLoginEmEspera.basic()))
                // No session and no cookie to forge: the browser risk is replayed Basic credentials, which the origin
                // check refuses on every state-changing request (see OrigemConfiavelFilter).
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new OrigemConfiavelFilter(origensPermitidas), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Camunda's REST API runs as the signed-in user, so the engine's own authorizations apply to every call (a process
     * owner may deploy, not read instances or change users). Spring Security authenticates first; Camunda's filter
     * takes the user from the request's principal and loads the user's groups and tenants.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> autenticacaoDoMotorNaApiRest() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registro =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registro.addUrlPatterns("/engine-rest/*");
        registro.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registro.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
        registro.setName("autenticacaoDoMotorNaApiRest");
        return registro;
    }

    @Bean
    @Order(2)
    SecurityFilterChain painel(HttpSecurity http, UsuarioClienteAuthenticationProvider produtores,
                               CamundaIdentityAuthenticationProvider equipe, LimitadorLogin limitador)
            throws Exception {
        PathPatternRequestMatcher.Builder caminho = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(caminho.matcher("/"), caminho.matcher("/login"),
                        caminho.matcher("/logout"), caminho.matcher("/painel"), caminho.matcher("/painel/**"),
                        caminho.matcher("/webjars/**"), caminho.matcher("/painel-estatico/**"),
                        caminho.matcher("/templates"), caminho.matcher("/templates/**"),
                        caminho.matcher("/historia"), caminho.matcher("/historia/**")))
                .authenticationManager(new AutenticacaoLimitada(new ProviderManager(produtores, equipe), limitador,
                        LimitadorLogin.Entrada.PAINEL))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(caminho.matcher("/login"), caminho.matcher("/webjars/**"),
                                caminho.matcher("/painel-estatico/**")).permitAll()
                        // the message templates page and the API it calls (session + CSRF token, as the dashboard)
                        .requestMatchers(caminho.matcher("/templates"), caminho.matcher("/templates/**"))
                        .hasAnyRole(Papeis.ADMIN, Papeis.DONO_PROCESSO)
                        .requestMatchers(caminho.matcher("/historia"), caminho.matcher("/historia/**"))
                        .hasAnyRole(Papeis.ADMIN, Papeis.CS, Papeis.OPERACAO)
                        .anyRequest().hasAnyRole(Papeis.CLIENTE, Papeis.CS, Papeis.ADMIN))
                .formLogin(form -> form.loginPage("/login").successHandler(new DestinoAposLogin())
                        .failureHandler(RespostaLoginEmEspera.formulario()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?saiu"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** The Camunda webapps' own login (Spring Security does not see it), throttled like the others. */
    @Bean
    FilterRegistrationBean<LoginCamundaLimitado> loginCamundaLimitado(LimitadorLogin limitador,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String caminhoWebapps) {
        FilterRegistrationBean<LoginCamundaLimitado> registro =
                new FilterRegistrationBean<>(new LoginCamundaLimitado(limitador, caminhoWebapps));
        registro.addUrlPatterns(caminhoWebapps + "/api/admin/auth/user/*");
        return registro;
    }

    /** BCrypt for the producers' passwords (Camunda hashes its own users' passwords itself). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publico(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        PathPatternRequestMatcher.Builder caminho = PathPatternRequestMatcher.withDefaults();
        http.authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        // Camunda answers "not logged in" with sendError: the error dispatch must stay reachable.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(caminho.matcher("/webhooks/**"), caminho.matcher("/a/**"),
                                caminho.matcher("/camunda/**"), caminho.matcher("/error"),
                                caminho.matcher("/favicon.ico")).permitAll()
                        .anyRequest().authenticated())
                // Webhooks are machine-to-machine (no browser session to forge); the webapps use their own XSRF-TOKEN.
                .csrf(csrf -> csrf.ignoringRequestMatchers(caminho.matcher("/webhooks/**"), caminho.matcher("/camunda/**")))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
