package br.com.terceirizacs.chatwoot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A tiny Chatwoot with state, served by WireMock: contacts, conversations and their label lists, contact labels,
 * account labels and messages of one account, answering in the shapes of the samples under
 * {@code samples/chatwoot/} (each answer is a sample with the state's values put in). Like Chatwoot, a label POST
 * replaces the whole list. It counts what the tests check: label writes, and <b>lost labels</b> (a write that drops a
 * label the list held, i.e. a writer that wrote from a stale read). {@code atrasoLeitura} delays the answer of a
 * label read after its state was taken, which widens the window in which an unserialised writer goes stale.
 */
public final class ChatwootFalso implements ResponseDefinitionTransformerV2 {

    static final String NOME = "chatwoot-falso";
    static final long CONTA = 7;
    static final long CAIXA = 3;
    static final String TOKEN = "token-chatwoot-de-teste-0001";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAMINHO = Pattern.compile("/api/v1/accounts/(\\d+)(/.*)");

    private final Map<Long, ObjectNode> contatos = new LinkedHashMap<>();
    private final Map<Long, List<String>> etiquetasDeContato = new LinkedHashMap<>();
    private final Map<Long, Conversa> conversas = new LinkedHashMap<>();
    private final List<String> etiquetasDaConta = new ArrayList<>();
    private final Map<Long, List<ObjectNode>> mensagens = new LinkedHashMap<>();
    private long proximoId = 5000;
    private int gravacoesDeEtiquetas;
    private int etiquetasPerdidas;
    private int notasPrivadas;
    private int mensagensPublicas;
    private volatile long atrasoLeitura;
    private boolean agenteRegravaListaVelha;
    private volatile long atrasoMensagens;

    static final class Conversa {
        final long id;
        final long contatoId;
        final long caixa;
        final long ultimaAtividade;
        final List<String> etiquetas = new ArrayList<>();

        Conversa(long id, long contatoId, long caixa, long ultimaAtividade) {
            this.id = id;
            this.contatoId = contatoId;
            this.caixa = caixa;
            this.ultimaAtividade = ultimaAtividade;
        }
    }

    @Override
    public String getName() {
        return NOME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    // ----- state for the tests -----

    synchronized void limpar() {
        contatos.clear();
        etiquetasDeContato.clear();
        conversas.clear();
        etiquetasDaConta.clear();
        etiquetasDaConta.addAll(List.of("problema_acesso", "satisfeito"));
        mensagens.clear();
        gravacoesDeEtiquetas = 0;
        etiquetasPerdidas = 0;
        notasPrivadas = 0;
        mensagensPublicas = 0;
        atrasoLeitura = 0;
        agenteRegravaListaVelha = false;
        atrasoMensagens = 0;
    }

    /** Messages are recorded at once but answered this late (a post that times out after it arrived). */
    void atrasoMensagens(long ms) {
        this.atrasoMensagens = ms;
    }

    /** Right after our next label write, an agent's screen writes the list it read before it (once). */
    synchronized void agenteRegravaListaVelhaDepoisDaProximaGravacao() {
        agenteRegravaListaVelha = true;
    }

    /** A contact built from the search sample, with this id and phone. */
    public synchronized void contato(long id, String telefone) {
        ObjectNode c = (ObjectNode) amostra("contacts-search-response.json").path("payload").get(0).deepCopy();
        c.put("id", id);
        c.put("phone_number", telefone);
        ((ObjectNode) c.path("contact_inboxes").get(0)).put("source_id", telefone.replace("+", ""));
        contatos.put(id, c);
        etiquetasDeContato.put(id, new ArrayList<>());
    }

    public synchronized void conversa(long id, long contatoId, long caixa, long ultimaAtividade, String... etiquetas) {
        Conversa v = new Conversa(id, contatoId, caixa, ultimaAtividade);
        v.etiquetas.addAll(List.of(etiquetas));
        conversas.put(id, v);
    }

    public synchronized List<String> etiquetasDaConversa(long id) {
        return List.copyOf(conversas.get(id).etiquetas);
    }

    synchronized List<String> etiquetasDoContato(long id) {
        return List.copyOf(etiquetasDeContato.get(id));
    }

    synchronized List<String> etiquetasDaConta() {
        return List.copyOf(etiquetasDaConta);
    }

    synchronized List<ObjectNode> contatos() {
        return List.copyOf(contatos.values());
    }

    synchronized List<ObjectNode> mensagens(long conversa) {
        return List.copyOf(mensagens.getOrDefault(conversa, List.of()));
    }

    synchronized int gravacoesDeEtiquetas() {
        return gravacoesDeEtiquetas;
    }

    synchronized int etiquetasPerdidas() {
        return etiquetasPerdidas;
    }

    synchronized int notasPrivadas() {
        return notasPrivadas;
    }

    synchronized int mensagensPublicas() {
        return mensagensPublicas;
    }

    void atrasoLeitura(long ms) {
        this.atrasoLeitura = ms;
    }

    // ----- Chatwoot -----

    @Override
    public ResponseDefinition transform(ServeEvent evento) {
        Request req = evento.getRequest();
        String token = req.getHeader("api_access_token");
        if (!TOKEN.equals(token)) {
            return erro(401, "error-401-invalid-token.json");
        }
        String caminhoCompleto = req.getUrl().split("\\?")[0];
        Matcher m = CAMINHO.matcher(caminhoCompleto);
        if (!m.matches() || Long.parseLong(m.group(1)) != CONTA) {
            return erro(404, "error-404-not-found.json");
        }
        String caminho = m.group(2);
        String metodo = req.getMethod().getName();
        JsonNode corpo = req.getBodyAsString().isEmpty() ? null : ler(req.getBodyAsString());
        long atraso = 0;
        JsonNode resposta;
        synchronized (this) {
            String[] p = caminho.substring(1).split("/");
            if (caminho.equals("/contacts/search") && metodo.equals("GET")) {
                resposta = buscar(req.queryParameter("q"));
            } else if (caminho.equals("/contacts") && metodo.equals("POST")) {
                resposta = criarContato(corpo);
                if (resposta == null) {
                    return erro(422, "error-422-invalid-phone.json");
                }
            } else if (p.length == 3 && p[0].equals("contacts") && p[2].equals("conversations")) {
                resposta = conversasDoContato(Long.parseLong(p[1]));
            } else if (p.length == 3 && p[2].equals("labels") && (p[0].equals("conversations") || p[0].equals("contacts"))) {
                List<String> lista = p[0].equals("conversations")
                        ? (conversas.containsKey(Long.parseLong(p[1])) ? conversas.get(Long.parseLong(p[1])).etiquetas : null)
                        : etiquetasDeContato.get(Long.parseLong(p[1]));
                if (lista == null) {
                    return erro(404, "error-404-not-found.json");
                }
                if (metodo.equals("POST")) {
                    gravar(lista, corpo);
                    resposta = comPayload("conversation-labels-post-response.json", lista);
                } else {
                    resposta = comPayload("conversation-labels-get-response.json", lista);
                    atraso = atrasoLeitura;
                }
            } else if (caminho.equals("/labels") && metodo.equals("GET")) {
                resposta = etiquetasDaContaJson();
            } else if (caminho.equals("/labels") && metodo.equals("POST")) {
                String titulo = corpo.path("title").asText().toLowerCase();
                if (etiquetasDaConta.contains(titulo)) {
                    return responseDefinition().withStatus(422).withHeader("Content-Type", "application/json")
                            .withBody("{\"message\":\"Title has already been taken\"}").build();
                }
                etiquetasDaConta.add(titulo);
                resposta = JSON.createObjectNode().put("id", proximoId++).put("title", titulo);
            } else if (p.length == 3 && p[0].equals("conversations") && p[2].equals("messages")) {
                long conversa = Long.parseLong(p[1]);
                if (!conversas.containsKey(conversa)) {
                    return erro(404, "error-404-not-found.json");
                }
                resposta = metodo.equals("POST") ? criarMensagem(conversa, corpo) : mensagensJson(conversa);
                atraso = metodo.equals("POST") ? atrasoMensagens : 0;
            } else {
                return erro(404, "error-404-not-found.json");
            }
        }
        return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(resposta.toString()).withFixedDelay((int) atraso).build();
    }

    private JsonNode buscar(QueryParameter q) {
        ObjectNode r = (ObjectNode) amostra("contacts-search-response.json");
        ArrayNode payload = r.putArray("payload");
        String termo = q.isPresent() ? q.firstValue() : "";
        contatos.values().stream().filter(c -> c.path("phone_number").asText().contains(termo)).forEach(payload::add);
        ((ObjectNode) r.path("meta")).put("count", payload.size());
        return r;
    }

    private JsonNode criarContato(JsonNode corpo) {
        String telefone = corpo.path("phone_number").asText();
        if (!telefone.matches("\\+[1-9]\\d{1,14}")
                || contatos.values().stream().anyMatch(c -> c.path("phone_number").asText().equals(telefone))) {
            return null;
        }
        long id = proximoId++;
        ObjectNode r = (ObjectNode) amostra("contact-create-response.json");
        ObjectNode contato = (ObjectNode) r.path("payload").path("contact");
        contato.put("id", id);
        contato.put("name", corpo.path("name").asText());
        contato.put("phone_number", telefone);
        contato.put("email", (String) null);
        ((ObjectNode) contato.path("contact_inboxes").get(0)).put("source_id", telefone.substring(1));
        ((ObjectNode) r.path("payload").path("contact_inbox")).put("source_id", telefone.substring(1));
        contatos.put(id, contato.deepCopy());
        etiquetasDeContato.put(id, new ArrayList<>());
        return r;
    }

    private JsonNode conversasDoContato(long contato) {
        ObjectNode r = (ObjectNode) amostra("contact-conversations-response.json");
        JsonNode modelo = r.path("payload").get(0);
        ArrayNode payload = r.putArray("payload");
        conversas.values().stream().filter(v -> v.contatoId == contato)
                .sorted((a, b) -> Long.compare(b.ultimaAtividade, a.ultimaAtividade))
                .forEach(v -> {
                    ObjectNode c = modelo.deepCopy();
                    c.put("id", v.id);
                    c.put("inbox_id", v.caixa);
                    c.put("last_activity_at", v.ultimaAtividade);
                    ArrayNode etiquetas = c.putArray("labels");
                    v.etiquetas.forEach(etiquetas::add);
                    payload.add(c);
                });
        return r;
    }

    private void gravar(List<String> lista, JsonNode corpo) {
        List<String> novas = new ArrayList<>();
        corpo.path("labels").forEach(e -> novas.add(e.asText().toLowerCase()));
        for (String antiga : lista) {
            if (!novas.contains(antiga)) {
                etiquetasPerdidas++;
            }
        }
        gravacoesDeEtiquetas++;
        List<String> velha = List.copyOf(lista);
        lista.clear();
        lista.addAll(novas);
        if (agenteRegravaListaVelha) {
            agenteRegravaListaVelha = false;
            lista.clear();
            lista.addAll(velha);
        }
    }

    private JsonNode etiquetasDaContaJson() {
        ObjectNode r = (ObjectNode) amostra("account-labels-response.json");
        JsonNode modelos = r.path("payload");
        ArrayNode payload = JSON.createArrayNode();
        for (String titulo : etiquetasDaConta) {
            ObjectNode e = modelos.get(0).deepCopy();
            e.put("title", titulo);
            payload.add(e);
        }
        r.set("payload", payload);
        return r;
    }

    private JsonNode criarMensagem(long conversa, JsonNode corpo) {
        ObjectNode r = (ObjectNode) amostra("message-create-response.json");
        r.put("id", proximoId++);
        r.put("content", corpo.path("content").asText());
        r.put("conversation_id", conversa);
        r.put("private", corpo.path("private").asBoolean(false));
        if (corpo.path("private").asBoolean(false)) {
            notasPrivadas++;
        } else {
            mensagensPublicas++;
        }
        mensagens.computeIfAbsent(conversa, k -> new ArrayList<>()).add(r.deepCopy());
        return r;
    }

    private JsonNode mensagensJson(long conversa) {
        ObjectNode r = JSON.createObjectNode();
        ArrayNode payload = r.putArray("payload");
        List<ObjectNode> todas = mensagens.getOrDefault(conversa, List.of());
        todas.subList(Math.max(0, todas.size() - 20), todas.size()).forEach(payload::add);
        return r;
    }

    private static JsonNode comPayload(String arquivo, List<String> etiquetas) {
        ObjectNode r = (ObjectNode) amostra(arquivo);
        ArrayNode payload = r.putArray("payload");
        etiquetas.forEach(payload::add);
        return r;
    }

    private static ResponseDefinition erro(int status, String arquivo) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(texto(arquivo)).build();
    }

    static JsonNode amostra(String arquivo) {
        return ler(texto(arquivo));
    }

    static String texto(String arquivo) {
        try (InputStream in = ChatwootFalso.class.getResourceAsStream("/samples/chatwoot/" + arquivo)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode ler(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
