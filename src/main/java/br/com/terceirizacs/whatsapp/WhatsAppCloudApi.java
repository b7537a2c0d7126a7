package br.com.terceirizacs.whatsapp;

import java.util.List;
import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/** Meta's WhatsApp Cloud API: {@code POST /{version}/{phone-number-id}/messages}. */
@FeignClient(name = "whatsapp-cloud", url = "${terceiriza.whatsapp.base-url:https://graph.facebook.com}",
        configuration = WhatsAppFeignConfig.class)
interface WhatsAppCloudApi {

    @PostMapping(value = "/{versao}/{phoneNumberId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    Resposta enviar(@PathVariable("versao") String versao, @PathVariable("phoneNumberId") String phoneNumberId,
                    @RequestHeader("Authorization") String autorizacao, @RequestBody Map<String, Object> corpo);

    record Resposta(List<Contato> contacts, List<Mensagem> messages) {

        String wamid() {
            return messages == null || messages.isEmpty() ? null : messages.get(0).id();
        }

        String waId() {
            return contacts == null || contacts.isEmpty() ? null : contacts.get(0).wa_id();
        }
    }

    record Contato(String input, String wa_id) {
    }

    record Mensagem(String id, String message_status) {
    }
}
