package br.com.terceirizacs.chatwoot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.whatsapp.MensagemService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a label on a student in the producer's Chatwoot without ever losing one of the labels already there.
 * <p>
 * Chatwoot's label write replaces the whole list, so a blind write erases what an agent set a minute ago. Guarantees:
 * <ol>
 *   <li><b>Read, merge, write, read again.</b> The list is read, the label added to what was read, the union
 *       written, and the list read back; if the label is not there (another writer replaced the list in between),
 *       the round repeats, {@code confirmacoes} times at most, then the step is retried later.</li>
 *   <li><b>One writer per list.</b> Our writes to one conversation's (or contact's) list are serialised across every
 *       node by a database row lock ({@link TravaConversa}), so two of our steps never erase each other's label.
 *       Chatwoot's own writers (agents, automations) cannot be locked out: between our read and our write an agent's
 *       change could still be overwritten; the window is the time of one write, and the read-back restores ours.</li>
 *   <li><b>Nothing doubles.</b> A label already in the list is not written again; every retry starts from the search,
 *       so a contact created by an attempt that timed out is found, not created twice.</li>
 *   <li><b>Where the label goes:</b> the student's most recent conversation in the producer's inbox; without one,
 *       the contact's own labels; without a contact, a new contact in E.164 in that inbox, labelled. The account
 *       label is created once if missing.</li>
 *   <li><b>Failures:</b> 429, 5xx, timeouts are thrown as {@link ErroChatwoot} (the process step retries with its
 *       retry cycle); 401/403/404 (token, account or inbox wrong) and refused data become a {@link FalhaChatwoot}:
 *       an incident at once, with what to do. Without Chatwoot connected nothing is called and nothing fails.</li>
 * </ol>
 * Each outcome is kept in {@code chatwoot_etiquetas} (one row per enrolment and label) for operators.
 */
@Service
public class EtiquetaService {

    private static final Logger log = LoggerFactory.getLogger(EtiquetaService.class);

    private final ConexoesChatwoot conexoes;
    private final ClienteChatwoot chatwoot;
    private final TravaConversa trava;
    private final RegistroEtiquetas registro;
    private final ContatoAlunoService contatos;
    private final MensagemService mensagens;
    private final ChatwootProperties props;
    private final CatalogoService catalogo;
    private final TransactionTemplate leitura;

    EtiquetaService(ConexoesChatwoot conexoes, ClienteChatwoot chatwoot, TravaConversa trava, RegistroEtiquetas registro,
                    ContatoAlunoService contatos, MensagemService mensagens, ChatwootProperties props,
                    CatalogoService catalogo, PlatformTransactionManager tm) {
        this.catalogo = catalogo;
        this.conexoes = conexoes;
        this.chatwoot = chatwoot;
        this.trava = trava;
        this.registro = registro;
        this.contatos = contatos;
        this.mensagens = mensagens;
        this.props = props;
        this.leitura = new TransactionTemplate(tm);
        this.leitura.setReadOnly(true);
    }

    /**
     * Adds {@code etiqueta} to the enrolment's student in Chatwoot.
     *
     * @param filaId the queue row of the message just sent, when there is one: the WhatsApp id Meta answered for it
     *               is one more form of the number to find the contact by
     */
    public EstadoEtiqueta aplicar(Long matriculaId, Long filaId, String etiqueta) {
        String titulo = titulo(etiqueta);
        Destinatario d = leitura.execute(s -> contatos.destinatario(matriculaId));
        Optional<ConexaoChatwoot> conexao = conexoes.doCliente(d.clienteId());
        if (conexao.isEmpty()) {
            registro.registrar(matriculaId, titulo, filaId, EstadoEtiqueta.SEM_CHATWOOT,
                    "Etiqueta não aplicada: o produtor não tem Chatwoot conectado");
            return EstadoEtiqueta.SEM_CHATWOOT;
        }
        if (!d.telefoneUtilizavel()) {
            registro.registrar(matriculaId, titulo, filaId, EstadoEtiqueta.SEM_TELEFONE,
                    "Etiqueta não aplicada: o aluno não tem telefone válido para achar o contato no Chatwoot");
            return EstadoEtiqueta.SEM_TELEFONE;
        }
        ConexaoChatwoot c = conexao.get();
        registro.tentativa(matriculaId, titulo, filaId);
        try {
            chatwoot.garantirEtiquetaDaConta(c, titulo);
            String waId = filaId == null ? null : mensagens.waIdDaFila(filaId).orElse(null);
            Destino destino = destino(c, d, ClienteChatwoot.Numeros.de(d.telefoneE164(), waId));
            int gravacoes = trava.comTrava(TravaConversa.chave(c, destino.alvo().tipo(), destino.alvo().id()),
                    () -> unir(c, destino.alvo(), titulo));
            registro.aplicada(matriculaId, titulo, filaId, destino.alvo().tipo(), destino.contatoId(),
                    destino.alvo().conversa() ? destino.alvo().id() : null,
                    gravacoes == 0 ? "Já estava aplicada" : destino.descricao());
            log.info("Etiqueta {} aplicada no Chatwoot (matrícula {}, {} {}, {} gravação(ões))", titulo, matriculaId,
                    destino.alvo().tipo().toLowerCase(Locale.ROOT), destino.alvo().id(), gravacoes);
            return EstadoEtiqueta.APLICADA;
        } catch (ErroChatwoot e) {
            throw falha(matriculaId, filaId, titulo, c, e);
        }
    }

    /** What an operator sees of the label requests of one enrolment. */
    List<RegistroEtiquetas.Linha> registros(Long matriculaId) {
        return registro.daMatricula(matriculaId);
    }

    /** The enrolment's producer, to check that an admin reads labels of the producer named in the URL. */
    Long clienteDaMatricula(Long matriculaId) {
        return leitura.execute(s -> contatos.destinatario(matriculaId).clienteId());
    }

    private record Destino(ClienteChatwoot.Alvo alvo, Long contatoId, String descricao) {
    }

    private Destino destino(ConexaoChatwoot c, Destinatario d, ClienteChatwoot.Numeros numeros) {
        Optional<ChatwootApi.Contato> contato = chatwoot.buscarContato(c, numeros);
        if (contato.isEmpty()) {
            try {
                long novo = chatwoot.criarContato(c, d.nome(), d.telefoneE164());
                return new Destino(new ClienteChatwoot.Alvo(false, novo), novo, "Contato criado e etiquetado");
            } catch (ErroChatwoot e) {
                // 422: the number was taken in between (an agent, another node): the contact now exists
                contato = e.getClasse() == ClasseErroChatwoot.DADOS ? chatwoot.buscarContato(c, numeros) : Optional.empty();
                if (contato.isEmpty()) {
                    throw e;
                }
            }
        }
        long contatoId = contato.get().id();
        return chatwoot.conversaMaisRecente(c, contatoId)
                .map(v -> new Destino(new ClienteChatwoot.Alvo(true, v.id()), contatoId, "Na conversa mais recente"))
                .orElseGet(() -> new Destino(new ClienteChatwoot.Alvo(false, contatoId), contatoId,
                        "No contato (sem conversa na caixa de entrada)"));
    }

    /** Under the list's lock: read, merge, write, read back. Returns how many writes it took (0: already there). */
    private int unir(ConexaoChatwoot c, ClienteChatwoot.Alvo alvo, String titulo) {
        int gravacoes = 0;
        for (int rodada = 0; rodada < props.confirmacoes(); rodada++) {
            List<String> atuais = chatwoot.lerEtiquetas(c, alvo);
            if (contem(atuais, titulo)) {
                return gravacoes;
            }
            List<String> uniao = new ArrayList<>(atuais);
            uniao.add(titulo);
            chatwoot.gravarEtiquetas(c, alvo, uniao);
            gravacoes++;
            if (contem(chatwoot.lerEtiquetas(c, alvo), titulo)) {
                return gravacoes;
            }
        }
        throw new ErroChatwoot(0, "A etiqueta sumiu logo depois de gravada " + props.confirmacoes()
                + " vezes (outro processo regrava as etiquetas)", null);
    }

    private static boolean contem(List<String> etiquetas, String titulo) {
        return etiquetas.stream().anyMatch(titulo::equalsIgnoreCase);
    }

    private RuntimeException falha(Long matriculaId, Long filaId, String titulo, ConexaoChatwoot c, ErroChatwoot e) {
        String detalhe = e.getMessage();
        return switch (e.getClasse()) {
            case TRANSITORIO -> {
                registro.registrar(matriculaId, titulo, filaId, EstadoEtiqueta.PENDENTE,
                        "Chatwoot indisponível (" + detalhe + "); nova tentativa com espera");
                yield new ErroChatwoot(e.getStatusHttp(), "Chatwoot indisponível (" + detalhe
                        + "); a etiqueta " + titulo + " será tentada de novo com espera", e);
            }
            case CONTA -> {
                String mensagem = "O Chatwoot recusou o acesso à conta " + c.accountId() + " (" + detalhe + "). "
                        + (e.getStatusHttp() == 404
                        ? "Confira o accountId e o inboxId do produtor no Chatwoot (Configurações → Conta e → Caixas de entrada)"
                        : "Gere um novo token de acesso de um agente administrador no Chatwoot (Perfil → Token de acesso)")
                        + ", atualize com PUT /api/clientes/" + slug(c) + "/chatwoot e tente o incidente de novo.";
                registro.registrar(matriculaId, titulo, filaId, EstadoEtiqueta.FALHOU, mensagem);
                yield new FalhaChatwoot(mensagem, e);
            }
            case DADOS -> {
                String mensagem = "O Chatwoot recusou os dados da etiqueta " + titulo + " (" + detalhe + "). Confira o "
                        + "telefone do aluno e a etiqueta no Chatwoot; corrigido, tente o incidente de novo.";
                registro.registrar(matriculaId, titulo, filaId, EstadoEtiqueta.FALHOU, mensagem);
                yield new FalhaChatwoot(mensagem, e);
            }
        };
    }

    private String slug(ConexaoChatwoot c) {
        return catalogo.clientePorId(c.clienteId()).map(Cliente::getSlug).orElse("{slug}");
    }

    /** Chatwoot keeps titles lower-case, with letters, digits, "-" and "_" only. */
    static String titulo(String etiqueta) {
        String t = etiqueta == null ? "" : etiqueta.strip().toLowerCase(Locale.ROOT);
        if (!t.matches("[a-z0-9_-]{1,100}")) {
            throw new FalhaChatwoot("Etiqueta inválida para o Chatwoot: \"" + etiqueta + "\". Use só letras minúsculas, "
                    + "números, - e _ (sem espaços) no parâmetro etiqueta do passo no diagrama.", null);
        }
        return t;
    }
}
