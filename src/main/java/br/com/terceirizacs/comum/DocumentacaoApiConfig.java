package br.com.terceirizacs.comum;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI): its title, the version of the build it describes, and the
 * HTTP Basic scheme every operation of the admin API requires (role ADMIN), so that Swagger UI offers "Authorize".
 */
@Configuration
class DocumentacaoApiConfig {

    static final String TITULO = "Terceiriza CS Flows — API de administração";
    static final String ESQUEMA = "basic";

    @Bean
    OpenAPI documentacaoApi(ObjectProvider<BuildProperties> build) {
        BuildProperties propriedades = build.getIfAvailable();
        String versao = propriedades != null ? propriedades.getVersion() : "desenvolvimento";
        return new OpenAPI()
                .info(new Info().title(TITULO).version(versao)
                        .description("Cadastro de produtores, produtos, turmas e regras; consulta de matrículas, "
                                + "eventos da Hotmart e disparos; a história de um aluno. Todas as operações exigem "
                                + "HTTP Basic de um usuário do grupo camunda-admin; as de História também aceitam os "
                                + "grupos cs e operacao."))
                .components(new Components().addSecuritySchemes(ESQUEMA, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Usuário e senha do Camunda com papel ADMIN")))
                .addSecurityItem(new SecurityRequirement().addList(ESQUEMA));
    }
}
