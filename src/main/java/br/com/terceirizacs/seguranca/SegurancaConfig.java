package br.com.terceirizacs.seguranca;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may call what.
 * <ul>
 *   <li>Webhooks and tracked links are public: they authenticate by their own secrets (hottok) or carry none (clicks).</li>
 *   <li>The Camunda webapps have their own login and CSRF protection, backed by the same identity store.</li>
 *   <li>Our admin API, Camunda's REST API, OpenAPI and metrics need HTTP Basic with role ADMIN.</li>
 * </ul>
 */
@Configuration
class SegurancaConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiAdmin(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        http.securityMatcher("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                        "/actuator/**")
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .anyRequest().hasRole(Papeis.ADMIN))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publico(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        http.authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        // Camunda answers "not logged in" with sendError: the error dispatch must stay reachable.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/webhooks/**", "/a/**", "/camunda/**", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                // Webhooks are machine-to-machine (no browser session to forge); the webapps use their own XSRF-TOKEN.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/camunda/**"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }
}
