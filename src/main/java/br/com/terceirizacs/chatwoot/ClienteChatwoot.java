package br.com.terceirizacs.chatwoot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import feign.RetryableException;
import org.springframework.stereotype.Component;

/**
 * The calls to a producer's Chatwoot, with what every call needs: the producer's base URL and token, the search
 * limit, Feign's connection failures turned into a transient {@link ErroChatwoot}, and the time of the last
 * successful call recorded for the operator.
 */
@Component
class ClienteChatwoot {

    /** Chatwoot's search pages hold 15 contacts; a number's last 8 digits rarely match more than one page. */
    static final int PAGINAS_BUSCA = 3;
    private static final int POR_PAGINA = 15;

    private final ChatwootApi api;
    private final LimitadorBusca limitador;
    private final ConexoesChatwoot conexoes;
    /** Account labels known to exist (account + title): looked up and created once per node. */
    private final Set<String> etiquetasDaContaConhecidas = ConcurrentHashMap.newKeySet();

    ClienteChatwoot(ChatwootApi api, LimitadorBusca limitador, ConexoesChatwoot conexoes) {
        this.api = api;
        this.limitador = limitador;
        this.conexoes = conexoes;
    }

    /** The contact whose phone (or WhatsApp id) is one of {@code numeros} (digits only), if any. */
    Optional<ChatwootApi.Contato> buscarContato(ConexaoChatwoot c, Numeros numeros) {
        for (int pagina = 1; pagina <= PAGINAS_BUSCA; pagina++) {
            if (!limitador.aguardarVez(c.chaveConta())) {
                throw new ErroChatwoot(0, "Limite de buscas de contatos do Chatwoot por minuto atingido", null);
            }
            int p = pagina;
            List<ChatwootApi.Contato> achados = chamar(c, () -> api.buscarContatos(c.base(), c.apiToken(),
                    c.accountId(), numeros.termoDeBusca(), p)).contatos();
            Optional<ChatwootApi.Contato> contato = numeros.escolher(achados, c.inboxId());
            if (contato.isPresent() || achados.size() < POR_PAGINA) {
                return contato;
            }
        }
        return Optional.empty();
    }

    /** The contact's most recent conversation in the producer's inbox, if any. */
    Optional<ChatwootApi.Conversa> conversaMaisRecente(ConexaoChatwoot c, long contatoId) {
        return chamar(c, () -> api.conversasDoContato(c.base(), c.apiToken(), c.accountId(), contatoId)).conversas()
                .stream()
                .filter(v -> v.inbox_id() == c.inboxId())
                .max(Comparator.comparing(v -> v.last_activity_at() == null ? 0L : v.last_activity_at()));
    }

    /** Creates the contact in E.164 in the producer's inbox (Chatwoot creates the WhatsApp contact_inbox). */
    long criarContato(ConexaoChatwoot c, String nome, String telefoneE164) {
        Map<String, Object> corpo = new LinkedHashMap<>();
        corpo.put("inbox_id", c.inboxId());
        corpo.put("name", nome == null || nome.isBlank() ? telefoneE164 : nome);
        corpo.put("phone_number", telefoneE164);
        return chamar(c, () -> api.criarContato(c.base(), c.apiToken(), c.accountId(), corpo)).payload().contact().id();
    }

    List<String> lerEtiquetas(ConexaoChatwoot c, Alvo alvo) {
        return chamar(c, () -> alvo.conversa()
                ? api.etiquetasDaConversa(c.base(), c.apiToken(), c.accountId(), alvo.id())
                : api.etiquetasDoContato(c.base(), c.apiToken(), c.accountId(), alvo.id())).titulos();
    }

    /** Replaces the whole list (Chatwoot has no "add"): only ever called with a union read under the lock. */
    void gravarEtiquetas(ConexaoChatwoot c, Alvo alvo, List<String> etiquetas) {
        Map<String, Object> corpo = Map.of("labels", List.copyOf(etiquetas));
        chamar(c, () -> alvo.conversa()
                ? api.gravarEtiquetasDaConversa(c.base(), c.apiToken(), c.accountId(), alvo.id(), corpo)
                : api.gravarEtiquetasDoContato(c.base(), c.apiToken(), c.accountId(), alvo.id(), corpo));
    }

    /**
     * The account label, created if missing (Chatwoot keeps unknown titles as orphan tags, invisible in its reports).
     * Two nodes creating it at once: the loser's 422 ("already taken") means it exists.
     */
    void garantirEtiquetaDaConta(ConexaoChatwoot c, String titulo) {
        String chave = c.chaveConta() + "|" + titulo;
        if (etiquetasDaContaConhecidas.contains(chave)) {
            return;
        }
        boolean existe = chamar(c, () -> api.etiquetasDaConta(c.base(), c.apiToken(), c.accountId())).etiquetas()
                .stream().anyMatch(e -> titulo.equalsIgnoreCase(e.title()));
        if (!existe) {
            Map<String, Object> corpo = new LinkedHashMap<>();
            corpo.put("title", titulo);
            corpo.put("description", "Etiqueta aplicada pela Terceiriza CS");
            corpo.put("show_on_sidebar", true);
            try {
                chamar(c, () -> api.criarEtiquetaDaConta(c.base(), c.apiToken(), c.accountId(), corpo));
            } catch (ErroChatwoot e) {
                if (e.getClasse() != ClasseErroChatwoot.DADOS) {
                    throw e;
                }
            }
        }
        etiquetasDaContaConhecidas.add(chave);
    }

    /** A connection changed (maybe another account at the same address): its labels are looked at again. */
    void esquecerEtiquetasDaConta() {
        etiquetasDaContaConhecidas.clear();
    }

    /** Posts a private note (never an outgoing message: Chatwoot would send that to the student). */
    long postarNotaPrivada(ConexaoChatwoot c, long conversaId, String texto) {
        Map<String, Object> corpo = new LinkedHashMap<>();
        corpo.put("content", texto);
        corpo.put("message_type", "outgoing");
        corpo.put("private", true);
        corpo.put("content_type", "text");
        return chamar(c, () -> api.criarMensagem(c.base(), c.apiToken(), c.accountId(), conversaId, corpo)).id();
    }

    /** The id of a private note with exactly this text among the conversation's latest messages, if there is one. */
    Optional<Long> notaPrivadaExistente(ConexaoChatwoot c, long conversaId, String texto) {
        return chamar(c, () -> api.mensagens(c.base(), c.apiToken(), c.accountId(), conversaId)).mensagens().stream()
                .filter(m -> Boolean.TRUE.equals(m.privada()) && texto.equals(m.content()))
                .map(ChatwootApi.Mensagem::id)
                .findFirst();
    }

    private <T> T chamar(ConexaoChatwoot c, Supplier<T> chamada) {
        T resposta;
        try {
            resposta = chamada.get();
        } catch (RetryableException e) {
            // no connection, a timeout: never Chatwoot's answer, so a retry is the only sensible thing
            throw new ErroChatwoot(0, "Sem resposta do Chatwoot (" + e.getClass().getSimpleName() + ")", e);
        }
        conexoes.registrarChamadaOk(c.clienteId());
        return resposta;
    }

    /** A label list: a conversation's (display id) or a contact's. */
    record Alvo(boolean conversa, long id) {
        String tipo() {
            return conversa ? "CONVERSA" : "CONTATO";
        }
    }

    /**
     * The forms under which a student's number may be stored in Chatwoot: the E.164 digits, the Brazilian mobile with
     * and without the ninth digit, and the WhatsApp id Meta answered for our send. The search uses the last 8 digits
     * (common to all the forms, and free of the "+" that a URL turns into a space).
     */
    record Numeros(String termoDeBusca, Set<String> formas) {

        static Numeros de(String telefoneE164, String waId) {
            String digitos = telefoneE164.replaceAll("\\D", "");
            Set<String> formas = new java.util.LinkedHashSet<>();
            formas.add(digitos);
            if (digitos.startsWith("55") && digitos.length() == 13 && digitos.charAt(4) == '9') {
                formas.add(digitos.substring(0, 4) + digitos.substring(5));
            } else if (digitos.startsWith("55") && digitos.length() == 12) {
                formas.add(digitos.substring(0, 4) + "9" + digitos.substring(4));
            }
            if (waId != null && !waId.isBlank()) {
                formas.add(waId.replaceAll("\\D", ""));
            }
            return new Numeros(digitos.substring(Math.max(0, digitos.length() - 8)), Set.copyOf(formas));
        }

        /** The matching contact, preferring one already in the producer's inbox. */
        Optional<ChatwootApi.Contato> escolher(List<ChatwootApi.Contato> contatos, long caixa) {
            List<ChatwootApi.Contato> iguais = new ArrayList<>();
            for (ChatwootApi.Contato c : contatos) {
                if (casa(c)) {
                    iguais.add(c);
                }
            }
            return iguais.stream().filter(c -> naCaixa(c, caixa)).findFirst().or(() -> iguais.stream().findFirst());
        }

        private boolean casa(ChatwootApi.Contato c) {
            if (c.phone_number() != null && formas.contains(c.phone_number().replaceAll("\\D", ""))) {
                return true;
            }
            return c.contact_inboxes() != null && c.contact_inboxes().stream()
                    .anyMatch(ci -> ci.source_id() != null && ci.source_id().matches("\\+?\\d+")
                            && formas.contains(ci.source_id().replaceAll("\\D", "")));
        }

        private static boolean naCaixa(ChatwootApi.Contato c, long caixa) {
            return c.contact_inboxes() != null && c.contact_inboxes().stream()
                    .anyMatch(ci -> ci.inbox() != null && ci.inbox().id() == caixa);
        }
    }
}
