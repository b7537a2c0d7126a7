package br.com.terceirizacs.chatwoot;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Chatwoot's Application API, the calls we make. Every producer has its own Chatwoot: the first argument (a
 * {@link URI}) is that producer's base URL and replaces the placeholder below on each call. Conversation ids are
 * display ids (the ones in Chatwoot's URLs). Bodies are JSON: a form-encoded label list silently empties it.
 */
@FeignClient(name = "chatwoot", url = "http://chatwoot-do-produtor.invalid", configuration = ChatwootFeignConfig.class)
interface ChatwootApi {

    String TOKEN = "api_access_token";

    @GetMapping("/api/v1/accounts/{conta}/contacts/search")
    PaginaContatos buscarContatos(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                                  @RequestParam("q") String termo, @RequestParam("page") int pagina);

    @PostMapping(value = "/api/v1/accounts/{conta}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContatoCriado criarContato(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                               @RequestBody Map<String, Object> contato);

    @GetMapping("/api/v1/accounts/{conta}/contacts/{contato}/conversations")
    Conversas conversasDoContato(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                                 @PathVariable("contato") long contato);

    @GetMapping("/api/v1/accounts/{conta}/conversations/{conversa}/labels")
    Etiquetas etiquetasDaConversa(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                                  @PathVariable("conversa") long conversa);

    /** Replaces the conversation's whole label list. */
    @PostMapping(value = "/api/v1/accounts/{conta}/conversations/{conversa}/labels",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Etiquetas gravarEtiquetasDaConversa(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                                        @PathVariable("conversa") long conversa, @RequestBody Map<String, Object> corpo);

    @GetMapping("/api/v1/accounts/{conta}/contacts/{contato}/labels")
    Etiquetas etiquetasDoContato(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                                 @PathVariable("contato") long contato);

    /** Replaces the contact's whole label list. */
    @PostMapping(value = "/api/v1/accounts/{conta}/contacts/{contato}/labels", consumes = MediaType.APPLICATION_JSON_VALUE)
    Etiquetas gravarEtiquetasDoContato(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                                       @PathVariable("contato") long contato, @RequestBody Map<String, Object> corpo);

    @GetMapping("/api/v1/accounts/{conta}/labels")
    EtiquetasDaConta etiquetasDaConta(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta);

    @PostMapping(value = "/api/v1/accounts/{conta}/labels", consumes = MediaType.APPLICATION_JSON_VALUE)
    EtiquetaDaConta criarEtiquetaDaConta(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                                         @RequestBody Map<String, Object> etiqueta);

    @GetMapping("/api/v1/accounts/{conta}/conversations/{conversa}/messages")
    Mensagens mensagens(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                        @PathVariable("conversa") long conversa);

    @PostMapping(value = "/api/v1/accounts/{conta}/conversations/{conversa}/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Mensagem criarMensagem(URI base, @RequestHeader(TOKEN) String token, @PathVariable("conta") long conta,
                           @PathVariable("conversa") long conversa, @RequestBody Map<String, Object> mensagem);

    // ----- the parts of Chatwoot's JSON we read (unknown fields are ignored) -----

    record PaginaContatos(List<Contato> payload) {
        List<Contato> contatos() {
            return payload == null ? List.of() : payload;
        }
    }

    record Contato(long id, String phone_number, List<ContatoCaixa> contact_inboxes) {
    }

    record ContatoCaixa(String source_id, Caixa inbox) {
    }

    record Caixa(long id) {
    }

    record ContatoCriado(CorpoContatoCriado payload) {
    }

    record CorpoContatoCriado(Contato contact) {
    }

    record Conversas(List<Conversa> payload) {
        List<Conversa> conversas() {
            return payload == null ? List.of() : payload;
        }
    }

    record Conversa(long id, long inbox_id, Long last_activity_at, List<String> labels) {
    }

    record Etiquetas(List<String> payload) {
        List<String> titulos() {
            return payload == null ? List.of() : payload;
        }
    }

    record EtiquetasDaConta(List<EtiquetaDaConta> payload) {
        List<EtiquetaDaConta> etiquetas() {
            return payload == null ? List.of() : payload;
        }
    }

    record EtiquetaDaConta(Long id, String title) {
    }

    record Mensagens(List<Mensagem> payload) {
        List<Mensagem> mensagens() {
            return payload == null ? List.of() : payload;
        }
    }

    record Mensagem(long id, String content, @JsonProperty("private") Boolean privada) {
    }
}
