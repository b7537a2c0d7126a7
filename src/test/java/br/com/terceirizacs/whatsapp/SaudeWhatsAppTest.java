package br.com.terceirizacs.whatsapp;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /actuator/health is public: the WhatsApp mode is a detail for an authenticated admin only. */
class SaudeWhatsAppTest extends IntegracaoBase {

    @Test
    void anonimoVeSoOStatusEOAdminVeOModoDoWhatsApp() {
        JsonNode anonimo = json(get("/actuator/health", null, null).body());
        assertThat(anonimo.path("status").asText()).isEqualTo("UP");
        assertThat(anonimo.has("components")).as("sem detalhes para quem não se autenticou").isFalse();

        JsonNode admin = json(get("/actuator/health", "admin", SENHA_ADMIN).body());
        assertThat(admin.path("status").asText()).isEqualTo("UP");
        JsonNode whatsapp = admin.path("components").path("whatsapp");
        assertThat(whatsapp.path("status").asText()).isEqualTo("UP");
        // the test profile has a token (Meta is WireMock): real sending
        assertThat(whatsapp.path("details").path("modo").asText()).isEqualTo("REAL");
    }
}
