package br.com.terceirizacs.processo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The drawing rules every diagram under {@code processes/} follows, so that a process owner opening it in Camunda
 * Modeler reads it like a drawing made by a person (docs/architecture.md, "Diagrams"). {@link #verificar} returns every
 * defect found, each naming the element; an empty list means the diagram passes.
 *
 * <p>Geometry is compared with a tolerance of {@value #FOLGA} px, so a flow that ends on a shape's border or a shape
 * that touches another does not count as crossing or overlapping.
 *
 * <p>Over 250 lines: the whole rule set, read top to bottom next to its list in docs/architecture.md; the geometry is
 * apart in {@link Retangulo}.
 */
final class RegrasDosDiagramas {

    /** The kinds of defect; the test of each fixture names the kind it expects, so no rule can pass unnoticed. */
    enum Regra {
        ID_GERADO, ID_DO_DESENHO, SEM_NOME, SEM_DOCUMENTACAO, DOCUMENTACAO_TECNICA, SEM_DESENHO, SOBREPOSICAO,
        EVENTO_DE_BORDA_FORA_DA_BORDA, FLUXO_ATRAVESSA_FORMA, FLUXOS_SE_CRUZAM, FLUXO_PARA_TRAS
    }

    record Defeito(Regra regra, String elemento, String mensagem) {
        @Override
        public String toString() {
            return elemento + ": " + mensagem + " [" + regra + "]";
        }
    }

    static final double FOLGA = 1.0;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Modeler's random suffix ({@code Activity_0x1y2z3}, {@code Flow_1abcd2e}): 7 base-36 characters, one a digit. */
    private static final Pattern SUFIXO_DO_MODELER = Pattern.compile(".*_(?=[0-9a-z]*[0-9])[0-9a-z]{7}");
    /** A type name and a counter ({@code StartEvent_1}, {@code Flow_12}): what a tool names, not a person. */
    private static final Pattern SUFIXO_NUMERICO = Pattern.compile(".*_[0-9]+");
    /** Table or column names ({@code filas_disparo}), configuration keys, expressions: notes for developers. */
    private static final Pattern TEXTO_TECNICO = Pattern.compile(
            "\\b[a-z]+_[a-z0-9_]+\\b|\\bterceiriza\\.[a-z]|[$#]\\{|\\b[a-z]+\\.[a-z]+\\.[a-z]+\\b");

    private final BpmnModelInstance modelo;
    private final List<Defeito> defeitos = new ArrayList<>();
    private final Map<String, Retangulo> formas = new HashMap<>();
    private final Map<String, List<Ponto>> linhas = new HashMap<>();

    private RegrasDosDiagramas(BpmnModelInstance modelo) {
        this.modelo = modelo;
    }

    /** Every defect of the diagram in {@code xml} (which must be valid BPMN: the model API refuses it otherwise). */
    static List<Defeito> verificar(String xml) {
        RegrasDosDiagramas regras = new RegrasDosDiagramas(
                Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        regras.ids();
        regras.nomesEDocumentacao();
        regras.desenho();
        regras.sobreposicoes();
        regras.fluxos();
        return List.copyOf(regras.defeitos);
    }

    private void defeito(Regra regra, ModelElementInstance elemento, String mensagem) {
        defeitos.add(new Defeito(regra, descricao(elemento), mensagem));
    }

    private static String descricao(ModelElementInstance elemento) {
        String id = elemento.getAttributeValue("id");
        String nome = elemento.getAttributeValue("name");
        String tipo = elemento.getElementType().getTypeName();
        return tipo + " " + id + (nome == null || nome.isBlank() ? "" : " (\"" + nome + "\")");
    }

    // ---- ids ----------------------------------------------------------------------------------------------------

    private void ids() {
        String raiz = modelo.getDefinitions().getId();
        if (raiz != null && UUID.matcher(raiz).find()) {
            defeito(Regra.ID_GERADO, modelo.getDefinitions(),
                    "id gerado (UUID); use um id legível, ex.: Definicoes_Onboarding");
        }
        for (BaseElement e : modelo.getModelElementsByType(BaseElement.class)) {
            String id = e.getId();
            if (id == null) {
                continue;
            }
            if (UUID.matcher(id).find()) {
                defeito(Regra.ID_GERADO, e, "id gerado (UUID); use um id legível, ex.: Tarefa_AprovarDisparo");
            } else if (!(e instanceof EventDefinition)
                    && (SUFIXO_DO_MODELER.matcher(id).matches() || SUFIXO_NUMERICO.matcher(id).matches())) {
                defeito(Regra.ID_GERADO, e, "id gerado pelo Modeler (sufixo aleatório ou contador); troque no painel de "
                        + "propriedades por um id legível, ex.: Gateway_Enviada, Fluxo_Aprovado");
            }
        }
        for (DiagramElement d : modelo.getModelElementsByType(DiagramElement.class)) {
            String id = d.getId();
            if (id != null && UUID.matcher(id).find()) {
                defeito(Regra.ID_GERADO, d, "id de desenho gerado (UUID)");
            }
            BaseElement alvo = d instanceof BpmnShape s ? s.getBpmnElement()
                    : d instanceof BpmnEdge a ? a.getBpmnElement() : null;
            if (alvo != null && !(alvo.getId() + "_di").equals(id)) {
                defeito(Regra.ID_DO_DESENHO, d, "o desenho de " + alvo.getId() + " deve ter o id " + alvo.getId() + "_di");
            }
        }
    }

    // ---- names and documentation -----------------------------------------------------------------------------------

    private void nomesEDocumentacao() {
        for (Process p : modelo.getModelElementsByType(Process.class)) {
            documentacao(p);
        }
        for (FlowNode n : modelo.getModelElementsByType(FlowNode.class)) {
            if ((n instanceof Event || n instanceof Gateway) && vazio(n.getName())) {
                defeito(Regra.SEM_NOME, n, "eventos e gateways precisam de nome (o rótulo que aparece no desenho)");
            }
            documentacao(n);
        }
        for (SequenceFlow f : modelo.getModelElementsByType(SequenceFlow.class)) {
            if (f.getSource() instanceof Gateway g && g.getOutgoing().size() > 1 && vazio(f.getName())) {
                defeito(Regra.SEM_NOME, f,
                        "um fluxo que sai de uma decisão precisa de nome (ex.: sim, não) para dizer quando é seguido");
            }
        }
    }

    private void documentacao(BaseElement e) {
        StringBuilder texto = new StringBuilder();
        for (Documentation d : e.getDocumentations()) {
            texto.append(d.getTextContent()).append(' ');
        }
        if (vazio(texto.toString())) {
            defeito(Regra.SEM_DOCUMENTACAO, e,
                    "sem documentação: escreva, para quem lidera o CS, o que acontece aqui e por quê");
        } else if (TEXTO_TECNICO.matcher(texto).find()) {
            defeito(Regra.DOCUMENTACAO_TECNICA, e,
                    "a documentação cita nome de tabela, chave de configuração ou expressão (\""
                    + TEXTO_TECNICO.matcher(texto).results().findFirst().orElseThrow().group()
                    + "\"); notas técnicas vão para docs/architecture.md");
        }
    }

    private static boolean vazio(String s) {
        return s == null || s.isBlank();
    }

    // ---- drawing ----------------------------------------------------------------------------------------------------

    private void desenho() {
        for (BpmnShape s : modelo.getModelElementsByType(BpmnShape.class)) {
            Bounds b = s.getBounds();
            if (s.getBpmnElement() != null && b != null) {
                formas.put(s.getBpmnElement().getId(), new Retangulo(b.getX(), b.getY(), b.getWidth(), b.getHeight()));
            }
        }
        for (BpmnEdge a : modelo.getModelElementsByType(BpmnEdge.class)) {
            if (a.getBpmnElement() != null) {
                List<Ponto> pontos = new ArrayList<>();
                for (Waypoint w : a.getWaypoints()) {
                    pontos.add(new Ponto(w.getX(), w.getY()));
                }
                linhas.put(a.getBpmnElement().getId(), pontos);
            }
        }
        for (FlowNode n : modelo.getModelElementsByType(FlowNode.class)) {
            if (!formas.containsKey(n.getId())) {
                defeito(Regra.SEM_DESENHO, n, "não aparece no desenho (sem forma)");
            }
        }
        for (SequenceFlow f : modelo.getModelElementsByType(SequenceFlow.class)) {
            if (linhas.getOrDefault(f.getId(), List.of()).size() < 2) {
                defeito(Regra.SEM_DESENHO, f, "não aparece no desenho (sem linha)");
            }
        }
    }

    /** Shapes whose bounds other shapes may not enter: everything drawn but pools and lanes, which contain shapes. */
    private List<BaseElement> elementosDesenhados() {
        List<BaseElement> lista = new ArrayList<>();
        for (BaseElement e : modelo.getModelElementsByType(BaseElement.class)) {
            if (formas.containsKey(e.getId()) && !(e instanceof Participant) && !(e instanceof Lane)) {
                lista.add(e);
            }
        }
        return lista;
    }

    private void sobreposicoes() {
        List<BaseElement> desenhados = elementosDesenhados();
        for (int i = 0; i < desenhados.size(); i++) {
            BaseElement a = desenhados.get(i);
            if (a instanceof BoundaryEvent borda) {
                naBorda(borda);
            }
            for (int j = i + 1; j < desenhados.size(); j++) {
                BaseElement b = desenhados.get(j);
                if (contem(a, b) || contem(b, a) || hospeda(a, b) || hospeda(b, a)) {
                    continue;
                }
                if (formas.get(a.getId()).sobrepoe(formas.get(b.getId()))) {
                    defeito(Regra.SOBREPOSICAO, a, "sobrepõe " + descricao(b));
                }
            }
        }
    }

    private void naBorda(BoundaryEvent borda) {
        Retangulo hospedeiro = formas.get(borda.getAttachedTo().getId());
        if (hospedeiro != null && !hospedeiro.temNaBorda(formas.get(borda.getId()).centro())) {
            defeito(Regra.EVENTO_DE_BORDA_FORA_DA_BORDA, borda,
                    "o centro de um evento de borda fica sobre a borda de " + descricao(borda.getAttachedTo()));
        }
    }

    /** Whether {@code fora} is a container (sub-process, ...) of {@code dentro}. */
    private static boolean contem(ModelElementInstance fora, ModelElementInstance dentro) {
        for (ModelElementInstance p = dentro.getParentElement(); p != null; p = p.getParentElement()) {
            if (p == fora) {
                return true;
            }
        }
        return false;
    }

    private static boolean hospeda(BaseElement hospedeiro, BaseElement borda) {
        return borda instanceof BoundaryEvent b && b.getAttachedTo() == hospedeiro;
    }

    // ---- flows ------------------------------------------------------------------------------------------------------

    private void fluxos() {
        List<SequenceFlow> desenhados = new ArrayList<>();
        for (SequenceFlow f : modelo.getModelElementsByType(SequenceFlow.class)) {
            if (linhas.getOrDefault(f.getId(), List.of()).size() >= 2) {
                desenhados.add(f);
            }
        }
        List<BaseElement> formasDesenhadas = elementosDesenhados();
        for (SequenceFlow f : desenhados) {
            atravessaForma(f, formasDesenhadas);
            paraTras(f);
        }
        for (int i = 0; i < desenhados.size(); i++) {
            for (int j = i + 1; j < desenhados.size(); j++) {
                cruzam(desenhados.get(i), desenhados.get(j));
            }
        }
    }

    private void atravessaForma(SequenceFlow f, List<BaseElement> formasDesenhadas) {
        List<Ponto> pontos = linhas.get(f.getId());
        Set<BaseElement> proprias = new HashSet<>(List.of(f.getSource(), f.getTarget()));
        for (BaseElement forma : formasDesenhadas) {
            if (proprias.contains(forma) || contem(forma, f)) {
                continue;
            }
            Retangulo r = formas.get(forma.getId()).encolhido(FOLGA);
            for (int k = 0; k + 1 < pontos.size(); k++) {
                if (r.cortadoPor(pontos.get(k), pontos.get(k + 1))) {
                    defeito(Regra.FLUXO_ATRAVESSA_FORMA, f, "a linha passa por cima de " + descricao(forma));
                    break;
                }
            }
        }
    }

    /**
     * A flow is drawn right to left only when it loops back to an earlier step (its target left of its source), and
     * then around the shapes: it leaves its source and enters its target vertically, and runs left horizontally
     * (above or below the row; {@link #atravessaForma} keeps the run clear of shapes).
     */
    private void paraTras(SequenceFlow f) {
        List<Ponto> p = linhas.get(f.getId());
        boolean voltaParaTras = false;
        boolean tortoParaTras = false;
        for (int k = 0; k + 1 < p.size(); k++) {
            if (p.get(k + 1).x() < p.get(k).x() - FOLGA) {
                voltaParaTras = true;
                tortoParaTras |= Math.abs(p.get(k + 1).y() - p.get(k).y()) > FOLGA;
            }
        }
        if (!voltaParaTras) {
            return;
        }
        Retangulo origem = formas.get(f.getSource().getId());
        Retangulo destino = formas.get(f.getTarget().getId());
        boolean retorno = origem != null && destino != null && destino.centro().x() < origem.centro().x();
        boolean contorna = vertical(p.get(0), p.get(1)) && vertical(p.get(p.size() - 2), p.get(p.size() - 1));
        if (!retorno || tortoParaTras || !contorna) {
            defeito(Regra.FLUXO_PARA_TRAS, f, "a linha anda da direita para a esquerda; só um retorno a um passo anterior "
                    + "pode, e contornando por cima ou por baixo: sai da origem na vertical, volta na horizontal e entra "
                    + "no destino na vertical");
        }
    }

    private static boolean vertical(Ponto a, Ponto b) {
        return Math.abs(a.x() - b.x()) <= FOLGA;
    }

    private void cruzam(SequenceFlow f, SequenceFlow g) {
        List<Ponto> a = linhas.get(f.getId());
        List<Ponto> b = linhas.get(g.getId());
        for (int i = 0; i + 1 < a.size(); i++) {
            for (int j = 0; j + 1 < b.size(); j++) {
                Ponto encontro = Retangulo.encontro(a.get(i), a.get(i + 1), b.get(j), b.get(j + 1));
                if (encontro != null && !mesmaPonta(f, a, g, b, encontro)) {
                    defeito(Regra.FLUXOS_SE_CRUZAM, f, "a linha cruza ou se sobrepõe à de " + descricao(g)
                            + " perto de (" + Math.round(encontro.x()) + ", " + Math.round(encontro.y()) + ")");
                    return;
                }
            }
        }
    }

    /** Two flows may meet only at a shared end: leaving the same element or arriving at it, from the same point. */
    private static boolean mesmaPonta(SequenceFlow f, List<Ponto> a, SequenceFlow g, List<Ponto> b, Ponto encontro) {
        FlowNode pontaF = pontaEm(f, a, encontro);
        return pontaF != null && pontaF == pontaEm(g, b, encontro);
    }

    private static FlowNode pontaEm(SequenceFlow f, List<Ponto> pontos, Ponto p) {
        if (pontos.get(0).perto(p)) {
            return f.getSource();
        }
        return pontos.get(pontos.size() - 1).perto(p) ? f.getTarget() : null;
    }

    static Collection<Regra> regras(List<Defeito> defeitos) {
        return defeitos.stream().map(Defeito::regra).distinct().toList();
    }
}
