package br.com.terceirizacs.comum;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request field is invalid in a way bean validation cannot see (HTTP 400, message in pt-BR). */
public class RequisicaoInvalidaException extends RuntimeException {

    private final Map<String, String> erros;

    public RequisicaoInvalidaException(String campo, String mensagem) {
        this(Map.of(campo, mensagem));
    }

    /** Several fields at once, each with its pt-BR message, kept in the order given. */
    public RequisicaoInvalidaException(Map<String, String> erros) {
        super(String.join("; ", erros.values()));
        this.erros = Collections.unmodifiableMap(new LinkedHashMap<>(erros));
    }

    /** The first field reported. */
    public String getCampo() {
        return erros.keySet().iterator().next();
    }

    /** Field → message, in the order reported. */
    public Map<String, String> getErros() {
        return erros;
    }
}
