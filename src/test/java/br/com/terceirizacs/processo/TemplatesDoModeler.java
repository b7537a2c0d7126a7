package br.com.terceirizacs.processo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

/**
 * The element templates of {@code processes/.camunda/element-templates/}, and what Camunda Modeler 5 writes into an
 * element when a process owner applies one (the rules of bpmn-js-element-templates for Camunda 7: a {@code property}
 * binding is an attribute, {@code camunda:in} a {@code source} or, with {@code expression}, a {@code sourceExpression},
 * {@code camunda:out} a {@code source} with the field as {@code target}, {@code camunda:inputParameter} a parameter
 * whose text is the field, empty when left blank). Tests build diagrams "as the Modeler would" with it.
 */
final class TemplatesDoModeler {

    static final Path PASTA = Path.of("processes/.camunda/element-templates");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplatesDoModeler() {
    }

    /** Every template of the folder by its id. */
    static Map<String, JsonNode> todos() {
        Map<String, JsonNode> templates = new LinkedHashMap<>();
        for (Path arquivo : arquivos()) {
            try {
                JsonNode lido = JSON.readTree(arquivo.toFile());
                for (JsonNode t : lido.isArray() ? lido : JSON.createArrayNode().add(lido)) {
                    if (templates.put(t.path("id").asText(), t) != null) {
                        throw new AssertionError("id de template repetido: " + t.path("id").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templates;
    }

    static java.util.List<Path> arquivos() {
        try (Stream<Path> s = Files.list(PASTA)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode template(String id) {
        JsonNode t = todos().get(id);
        if (t == null) {
            throw new AssertionError("template inexistente: " + id);
        }
        return t;
    }

    /**
     * The key a test uses to fill a field: the binding's {@code name} (attribute, input parameter), {@code target}
     * ({@code camunda:in}) or {@code source} ({@code camunda:out}).
     */
    static String chave(JsonNode propriedade) {
        JsonNode b = propriedade.path("binding");
        return switch (b.path("type").asText()) {
            case "camunda:in" -> b.path("target").asText();
            case "camunda:out" -> b.path("source").asText();
            default -> b.path("name").asText();
        };
    }

    /**
     * Applies {@code template} to the element {@code id}, with {@code preenchidos} as what the process owner typed or
     * chose (by {@link #chave}); hidden fields always take the template's value, others the template's default.
     */
    static void aplicar(BpmnModelInstance modelo, String id, JsonNode template, Map<String, String> preenchidos) {
        BaseElement elemento = modelo.getModelElementById(id);
        elemento.setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", template.path("id").asText());
        elemento.setAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion", template.path("version").asText());
        for (JsonNode p : template.path("properties")) {
            JsonNode b = p.path("binding");
            boolean oculto = "Hidden".equals(p.path("type").asText());
            String valor = !oculto && preenchidos.containsKey(chave(p)) ? preenchidos.get(chave(p))
                    : p.has("value") ? p.path("value").asText() : null;
            switch (b.path("type").asText()) {
                case "property" -> atributo(elemento, b.path("name").asText(), valor);
                case "camunda:in" -> {
                    CamundaIn in = modelo.newInstance(CamundaIn.class);
                    in.setCamundaTarget(b.path("target").asText());
                    if (valor != null && b.path("expression").asBoolean()) {
                        in.setCamundaSourceExpression(valor);
                    } else if (valor != null) {
                        in.setCamundaSource(valor);
                    }
                    extensoes(modelo, elemento).addChildElement(in);
                }
                case "camunda:out" -> {
                    CamundaOut out = modelo.newInstance(CamundaOut.class);
                    out.setCamundaSource(b.path("source").asText());
                    out.setCamundaTarget(valor);
                    extensoes(modelo, elemento).addChildElement(out);
                }
                case "camunda:inputParameter" -> {
                    CamundaInputParameter entrada = modelo.newInstance(CamundaInputParameter.class);
                    entrada.setCamundaName(b.path("name").asText());
                    if (valor != null && !valor.isEmpty()) {
                        entrada.setTextContent(valor);
                    }
                    entradasESaidas(modelo, elemento).addChildElement(entrada);
                }
                default -> throw new AssertionError("binding sem suporte neste teste: " + b);
            }
        }
    }

    private static void atributo(BaseElement elemento, String nome, String valor) {
        if (nome.startsWith("camunda:")) {
            elemento.setAttributeValueNs(CAMUNDA_NS, nome.substring("camunda:".length()), valor);
        } else {
            elemento.setAttributeValue(nome, valor);
        }
    }

    private static ExtensionElements extensoes(BpmnModelInstance modelo, BaseElement elemento) {
        if (elemento.getExtensionElements() == null) {
            elemento.setExtensionElements(modelo.newInstance(ExtensionElements.class));
        }
        return elemento.getExtensionElements();
    }

    private static CamundaInputOutput entradasESaidas(BpmnModelInstance modelo, BaseElement elemento) {
        ExtensionElements ext = extensoes(modelo, elemento);
        return ext.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream().findFirst()
                .orElseGet(() -> ext.addExtensionElement(CamundaInputOutput.class));
    }
}
