package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a Camunda Form (form-js JSON) lets a person submit, checked on the server: Tasklist's checks run in the
 * browser, and anyone with the task can call the REST API directly.
 * <ul>
 *   <li>Only the keys of the form's input fields may be submitted; any other variable is refused (it would overwrite a
 *       process variable such as {@code filaId}).</li>
 *   <li>Read-only fields are display: what is submitted for them is dropped, never stored.</li>
 *   <li>Text fields: a string within the form's {@code maxLength}/{@code minLength} (and never longer than
 *       {@link #TEXTO_MAXIMO} when the form sets no limit); choice fields: one of the form's values; checkboxes: a
 *       boolean; numbers: a number within the form's {@code min}/{@code max}.</li>
 *   <li>A field marked required, and not hidden by a condition, must be present and not blank. Fields shown only
 *       under a condition are left to the listener that knows the rule (e.g. the reason for a discard).</li>
 * </ul>
 */
final class CamposDoFormulario {

    /** Longest text accepted in a field whose form sets no {@code maxLength}. */
    static final int TEXTO_MAXIMO = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXTO = Set.of("textfield", "textarea");
    private static final Set<String> ESCOLHA = Set.of("radio", "select");
    private static final Set<String> ENTRADAS = Set.of("textfield", "textarea", "radio", "select", "checkbox", "number",
            "checklist", "taglist", "datetime");

    /** A form with no fields: nothing may be submitted (a task or a start without a form). */
    static final CamposDoFormulario NENHUM = new CamposDoFormulario(Map.of());

    private final Map<String, Campo> campos;

    private CamposDoFormulario(Map<String, Campo> campos) {
        this.campos = campos;
    }

    record Campo(String chave, String rotulo, String tipo, boolean somenteLeitura, boolean obrigatorio,
                 boolean condicional, Integer tamanhoMaximo, Integer tamanhoMinimo, Double minimo, Double maximo,
                 Set<String> valores) {
    }

    static CamposDoFormulario ler(InputStream formulario) throws IOException {
        Map<String, Campo> campos = new LinkedHashMap<>();
        coletar(JSON.readTree(formulario).path("components"), campos);
        return new CamposDoFormulario(campos);
    }

    /** Groups and other containers nest their components; every keyed input field counts. */
    private static void coletar(JsonNode componentes, Map<String, Campo> campos) {
        for (JsonNode c : componentes) {
            coletar(c.path("components"), campos);
            String tipo = c.path("type").asText();
            if (!ENTRADAS.contains(tipo) || !c.hasNonNull("key")) {
                continue;
            }
            JsonNode v = c.path("validate");
            Set<String> valores = new LinkedHashSet<>();
            c.path("values").forEach(x -> valores.add(x.path("value").asText()));
            campos.put(c.path("key").asText(), new Campo(c.path("key").asText(), c.path("label").asText(c.path("key").asText()),
                    tipo, c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                    v.path("required").asBoolean(false), c.has("conditional"),
                    v.has("maxLength") ? v.path("maxLength").asInt() : null,
                    v.has("minLength") ? v.path("minLength").asInt() : null,
                    v.has("min") ? v.path("min").asDouble() : null, v.has("max") ? v.path("max").asDouble() : null,
                    valores));
        }
    }

    Map<String, Campo> campos() {
        return campos;
    }

    /**
     * The submission to store: the editable fields only. Throws {@link SubmissaoRecusada} with every problem found,
     * in pt-BR, when a variable is not on the form or a value breaks the form's rules.
     */
    Map<String, Object> filtrar(Map<String, ?> enviados, boolean exigirObrigatorios) {
        List<String> erros = new ArrayList<>();
        Map<String, Object> aceitos = new LinkedHashMap<>();
        Map<String, ?> valores = enviados == null ? Map.of() : enviados;
        for (Map.Entry<String, ?> e : valores.entrySet()) {
            Campo campo = campos.get(e.getKey());
            if (campo == null) {
                erros.add("a variável '" + e.getKey() + "' não faz parte do formulário");
            } else if (!campo.somenteLeitura()) {
                String erro = erroDoValor(campo, valor(e.getValue()));
                if (erro != null) {
                    erros.add(erro);
                } else {
                    aceitos.put(e.getKey(), valores instanceof VariableMap vm ? vm.getValueTyped(e.getKey()) : e.getValue());
                }
            }
        }
        if (exigirObrigatorios) {
            for (Campo campo : campos.values()) {
                if (campo.obrigatorio() && !campo.condicional() && !campo.somenteLeitura()
                        && vazio(valor(valores.get(campo.chave())))) {
                    erros.add("o campo '" + campo.rotulo() + "' é obrigatório");
                }
            }
        }
        if (!erros.isEmpty()) {
            throw new SubmissaoRecusada("Formulário recusado: " + String.join("; ", erros) + ".");
        }
        return aceitos;
    }

    /** Names that may be removed or written one by one (Tasklist and the REST API's variable endpoints). */
    void exigirEditaveis(Iterable<String> nomes) {
        List<String> fora = new ArrayList<>();
        for (String nome : nomes) {
            Campo campo = campos.get(nome);
            if (campo == null || campo.somenteLeitura()) {
                fora.add(nome);
            }
        }
        if (!fora.isEmpty()) {
            throw new SubmissaoRecusada("Formulário recusado: " + String.join(", ", fora)
                    + " não pode ser alterado por este formulário.");
        }
    }

    private static String erroDoValor(Campo campo, Object valor) {
        if (valor == null) {
            return null;
        }
        String nome = "o campo '" + campo.rotulo() + "'";
        if (TEXTO.contains(campo.tipo())) {
            if (!(valor instanceof String texto)) {
                return nome + " deve ser um texto";
            }
            int maximo = campo.tamanhoMaximo() == null ? TEXTO_MAXIMO : campo.tamanhoMaximo();
            if (texto.length() > maximo) {
                return nome + " aceita no máximo " + maximo + " caracteres (veio com " + texto.length() + ")";
            }
            if (campo.tamanhoMinimo() != null && !texto.isEmpty() && texto.length() < campo.tamanhoMinimo()) {
                return nome + " precisa de pelo menos " + campo.tamanhoMinimo() + " caracteres";
            }
        } else if (ESCOLHA.contains(campo.tipo())) {
            if (!campo.valores().contains(String.valueOf(valor))) {
                return nome + " aceita apenas " + String.join(", ", campo.valores());
            }
        } else if ("checkbox".equals(campo.tipo())) {
            if (!(valor instanceof Boolean)) {
                return nome + " deve ser verdadeiro ou falso";
            }
        } else if ("number".equals(campo.tipo())) {
            if (!(valor instanceof Number n)) {
                return nome + " deve ser um número";
            }
            if ((campo.minimo() != null && n.doubleValue() < campo.minimo())
                    || (campo.maximo() != null && n.doubleValue() > campo.maximo())) {
                return nome + " está fora do intervalo permitido";
            }
        } else if (valor instanceof String texto && texto.length() > TEXTO_MAXIMO) {
            return nome + " aceita no máximo " + TEXTO_MAXIMO + " caracteres";
        }
        return null;
    }

    /** Values from the REST API arrive as typed values; compare what they hold. */
    private static Object valor(Object v) {
        return v instanceof org.camunda.bpm.engine.variable.value.TypedValue t ? t.getValue() : v;
    }

    private static boolean vazio(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    /**
     * A submission that breaks its form's rules. It is the engine's form validation failure, so Camunda's REST API
     * answers 400 with the message (Tasklist shows it) and the command changes nothing.
     */
    static final class SubmissaoRecusada extends FormFieldValidationException {

        SubmissaoRecusada(String mensagem) {
            super("formulario", mensagem);
        }
    }
}
