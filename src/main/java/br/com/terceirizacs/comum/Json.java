package br.com.terceirizacs.comum;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * JSON that the application wrote itself (queue parameters, audit snapshots, request bodies), with the application's
 * Jackson settings. A failure here is a bug, not bad input, so it is unchecked. Input from outside (webhooks) is
 * parsed where its failure has a meaning of its own (a 400, an event marked invalid).
 */
@Component
public class Json {

    private static final TypeReference<List<String>> TEXTOS = new TypeReference<>() { };

    private final ObjectMapper mapper;

    Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String escrever(Object valor) {
        try {
            return mapper.writeValueAsString(valor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON não serializável: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON array of strings; null reads as empty. The list is ours to change. */
    public List<String> lerTextos(String json) {
        try {
            return new ArrayList<>(mapper.readValue(json == null ? "[]" : json, TEXTOS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON gravado inválido: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON document as a tree; null reads as null. */
    public JsonNode lerArvore(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON gravado inválido: " + e.getOriginalMessage(), e);
        }
    }
}
