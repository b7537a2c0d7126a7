package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.catalogo.TemplateResumo;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.MatriculaService;
import br.com.terceirizacs.whatsapp.MensagemService;
import br.com.terceirizacs.whatsapp.PedidoEnvio;
import br.com.terceirizacs.whatsapp.ResultadoEnvio;
import br.com.terceirizacs.whatsapp.StatusMensagem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hybrid dispatch engine behind the {@code disparo} process: prepares the queue row and its preview, records the
 * human decision, holds messages for the sending window, re-checks the policy and sends exactly once.
 */
@Service
public class DisparoService {

    /** The free text CS may write into a message, and the reason of a discard (the approval form says the same). */
    public static final int TEXTO_DECISAO_MAXIMO = 500;

    private static final Set<StatusFila> PENDENTES = EnumSet.of(StatusFila.PENDENTE);

    private final FilaDisparoRepository filas;
    private final RegraService regras;
    private final PoliticaDisparo politica;
    private final MatriculaService matriculas;
    private final CatalogoService catalogo;
    private final MensagemService mensagens;
    private final ObjectMapper mapper;
    private final Clock clock;

    DisparoService(FilaDisparoRepository filas, RegraService regras, PoliticaDisparo politica,
                   MatriculaService matriculas, CatalogoService catalogo, MensagemService mensagens, ObjectMapper mapper,
                   Clock clock) {
        this.filas = filas;
        this.regras = regras;
        this.politica = politica;
        this.matriculas = matriculas;
        this.catalogo = catalogo;
        this.mensagens = mensagens;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param aprovacaoHumana a person must approve (rule SUGERIR_APENAS and not approved as part of a batch)
     * @param aguardaJanela   a message we start: it waits for the producer's sending window
     */
    public record Preparacao(Long filaId, boolean politicaOk, boolean aprovacaoHumana, boolean aguardaJanela,
                             Date expiraEm, String motivoBloqueio) {
    }

    /** What the approval form shows (task-local copies for display; the queue row stays the source of truth). */
    public record VisaoAprovacao(String aluno, String telefone, String produto, String tipo, String motivo,
                                 String mensagem, boolean temTextoLivre, String textoLivre, Date expiraEm) {
    }

    @Transactional
    public Preparacao preparar(Long matriculaId, TipoRegra tipo, String motivo, boolean preAprovado,
                               String processInstanceId) {
        Instant agora = clock.instant();
        Destinatario d = matriculas.destinatario(matriculaId);
        ProdutoResumo produto = catalogo.produto(d.produtoId()).orElseThrow();
        RegraAutomacao regra = regras.efetiva(tipo, d.produtoId());
        FilaDisparo fila = filas.save(new FilaDisparo(d.alunoId(), matriculaId, regra, motivo, preAprovado,
                processInstanceId, agora));
        String nomeTemplate = tipo == TipoRegra.ONBOARDING && produto.templateBoasVindas() != null
                ? produto.templateBoasVindas() : regra.getTemplateNome();
        Optional<TemplateResumo> template = catalogo.template(nomeTemplate, regra.getTemplateIdioma());
        Instant expira = agora.plus(Duration.ofHours(regra.getExpiracaoHoras() == null ? 48 : regra.getExpiracaoHoras()));
        if (template.isEmpty()) {
            fila.prepararMensagem(nomeTemplate, regra.getTemplateIdioma(), "[]", null, expira);
            return cancelada(fila, "Template '" + nomeTemplate + "' não cadastrado");
        }
        List<String> valores = valores(template.get(), d, produto, template.get().textoLivrePadrao());
        fila.prepararMensagem(nomeTemplate, regra.getTemplateIdioma(), json(valores), previa(template.get(), valores),
                expira);
        Optional<String> bloqueio = politica.bloqueio(fila, d, produto, regra);
        if (bloqueio.isPresent()) {
            return cancelada(fila, bloqueio.get());
        }
        if (fila.dispensaAprovacao()) {
            fila.aprovarAutomaticamente(agora);
        }
        return new Preparacao(fila.getId(), true, !fila.dispensaAprovacao(), tipo.respeitaJanela(), Date.from(expira),
                null);
    }

    private Preparacao cancelada(FilaDisparo fila, String motivo) {
        fila.encerrar(StatusFila.CANCELADO, motivo, clock.instant());
        return new Preparacao(fila.getId(), false, false, false, null, motivo);
    }

    /**
     * The queue row of a {@code disparo} instance. Its approval task reads the row from here, never from process
     * variables, which a crafted submission could try to overwrite.
     */
    @Transactional(readOnly = true)
    public Long filaDoProcesso(String processInstanceId) {
        return filas.idDoProcesso(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "Nenhum disparo na fila para a instância " + processInstanceId));
    }

    @Transactional(readOnly = true)
    public VisaoAprovacao visaoAprovacao(Long filaId) {
        FilaDisparo fila = filas.findById(filaId).orElseThrow();
        Destinatario d = matriculas.destinatario(fila.getMatriculaId());
        ProdutoResumo produto = catalogo.produto(d.produtoId()).orElseThrow();
        TemplateResumo template = catalogo.template(fila.getTemplateSugerido(), fila.getTemplateIdioma()).orElseThrow();
        List<String> valores = lerValores(fila.getParametros());
        int livre = template.parametros().indexOf(TemplateResumo.TEXTO_LIVRE);
        return new VisaoAprovacao(d.nome(), d.telefoneE164(), produto.nome(), fila.getTipoRegra().rotulo(),
                fila.getMotivo(), fila.getTextoPrevia(), livre >= 0, livre >= 0 ? valores.get(livre) : null,
                fila.getExpiraEm() == null ? null : Date.from(fila.getExpiraEm()));
    }

    /** The CS decision from Tasklist. A discard needs a reason; an approval may replace the free-text part. */
    @Transactional
    public void registrarDecisao(Long filaId, String usuario, boolean aprovado, String textoLivre, String motivoDescarte) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        if (fila.getStatus() != StatusFila.PENDENTE) {
            throw new IllegalStateException("Este disparo não está mais pendente (" + fila.getStatus() + ")");
        }
        if (!aprovado && (motivoDescarte == null || motivoDescarte.isBlank())) {
            throw new IllegalArgumentException("Informe o motivo do descarte");
        }
        if (textoLivre != null && textoLivre.length() > TEXTO_DECISAO_MAXIMO) {
            throw new IllegalArgumentException("O trecho editável aceita no máximo " + TEXTO_DECISAO_MAXIMO + " caracteres");
        }
        if (motivoDescarte != null && motivoDescarte.length() > TEXTO_DECISAO_MAXIMO) {
            throw new IllegalArgumentException("O motivo do descarte aceita no máximo " + TEXTO_DECISAO_MAXIMO + " caracteres");
        }
        String previa = null;
        String parametros = null;
        String editado = null;
        TemplateResumo template = catalogo.template(fila.getTemplateSugerido(), fila.getTemplateIdioma()).orElseThrow();
        int livre = template.parametros().indexOf(TemplateResumo.TEXTO_LIVRE);
        List<String> valores = lerValores(fila.getParametros());
        if (aprovado && livre >= 0 && textoLivre != null && !textoLivre.isBlank()
                && !textoLivre.strip().equals(valores.get(livre))) {
            editado = textoLivre.strip().replaceAll("\\s*\\R\\s*", " ");
            valores.set(livre, editado);
            previa = previa(template, valores);
            parametros = json(valores);
        }
        fila.decidir(aprovado, usuario, editado, aprovado ? null : motivoDescarte.strip(), previa, parametros,
                clock.instant());
    }

    /** When the message may leave: now, or the start of the producer's next sending window (quiet hours). */
    @Transactional(readOnly = true)
    public Date proximaJanela(Long filaId) {
        FilaDisparo fila = filas.findById(filaId).orElseThrow();
        Instant agora = clock.instant();
        if (!fila.getTipoRegra().respeitaJanela()) {
            return Date.from(agora);
        }
        Destinatario d = matriculas.destinatario(fila.getMatriculaId());
        Cliente cliente = catalogo.clientePorId(d.clienteId()).orElseThrow();
        return Date.from(proximaJanela(agora, cliente.getFusoHorario(), cliente.getJanelaEnvioInicio(),
                cliente.getJanelaEnvioFim()));
    }

    static Instant proximaJanela(Instant agora, ZoneId fuso, LocalTime inicio, LocalTime fim) {
        ZonedDateTime local = agora.atZone(fuso);
        LocalTime hora = local.toLocalTime();
        if (!hora.isBefore(inicio) && hora.isBefore(fim)) {
            return agora;
        }
        LocalDateTime proxima = hora.isBefore(inicio) ? local.toLocalDate().atTime(inicio)
                : local.toLocalDate().plusDays(1).atTime(inicio);
        return proxima.atZone(fuso).toInstant();
    }

    /** The re-check right before sending; a message that may no longer go ends CANCELADO with the reason. */
    @Transactional
    public boolean verificarPolitica(Long filaId) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        if (fila.getStatus() != StatusFila.APROVADO) {
            return false;
        }
        Optional<String> bloqueio = bloqueioAtual(fila, matriculas.destinatario(fila.getMatriculaId()));
        bloqueio.ifPresent(motivo -> fila.encerrar(StatusFila.CANCELADO, "Na verificação antes do envio: " + motivo,
                clock.instant()));
        return bloqueio.isEmpty();
    }

    /** What the policy says of a queue row now, with the enrolment, product and rule read fresh. */
    private Optional<String> bloqueioAtual(FilaDisparo fila, Destinatario d) {
        return politica.bloqueio(fila, d, catalogo.produto(d.produtoId()).orElseThrow(), regras.obter(fila.getRegraId()));
    }

    /**
     * Sends the approved message; returns ENVIADO, FALHOU, INCERTO or CANCELADO (transient failures are thrown: job
     * retry). The policy is checked again here, under the row lock: a retry 20 minutes later, or a send that waited in
     * a long job queue, must not reach a student who opted out or was refunded in the meantime.
     */
    @Transactional
    public String enviar(Long filaId) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        if (fila.getStatus() == StatusFila.ENVIADO) {
            return "ENVIADO";
        }
        if (fila.getStatus() != StatusFila.APROVADO) {
            return fila.getStatus().name();
        }
        Destinatario d = matriculas.destinatario(fila.getMatriculaId());
        // once a request may have left (accepted, sending, uncertain), the outcome is the send's, not the policy's
        boolean podeTerSaido = mensagens.statusDaFila(filaId)
                .filter(s -> s != StatusMensagem.NOVA && s != StatusMensagem.NAO_ENVIADA).isPresent();
        Optional<String> bloqueio = podeTerSaido ? Optional.empty() : bloqueioAtual(fila, d);
        if (bloqueio.isPresent()) {
            fila.encerrar(StatusFila.CANCELADO, "Na hora do envio: " + bloqueio.get(), clock.instant());
            return StatusFila.CANCELADO.name();
        }
        TemplateResumo template = catalogo.template(fila.getTemplateSugerido(), fila.getTemplateIdioma()).orElseThrow();
        ResultadoEnvio r = mensagens.enviar(new PedidoEnvio(fila.getId(), d.alunoId(), d.telefoneE164(),
                fila.getTemplateSugerido(), fila.getTemplateIdioma(), lerValores(fila.getParametros()),
                template.botaoUrl() == null ? null : d.tokenLink(), fila.getTextoPrevia()));
        return switch (r.situacao()) {
            case ENVIADA, SIMULADA -> encerrar(filaId, StatusFila.ENVIADO, r.detalhe());
            case FALHOU -> encerrar(filaId, StatusFila.FALHOU, "WhatsApp recusou: " + r.detalhe());
            case INCERTA -> "INCERTO";
        };
    }

    /**
     * An uncertain send, looked at again (after an operator's decision in Cockpit, or a status webhook):
     * settled → ENVIADO; {@code decisao} REENVIAR → send again; DESCARTAR → FALHOU; otherwise it stays an incident.
     */
    @Transactional
    public String confirmarIncerto(Long filaId, String decisao, String usuario) {
        Optional<StatusMensagem> status = mensagens.statusDaFila(filaId);
        if (status.isPresent() && status.get().aceita()) {
            return encerrar(filaId, StatusFila.ENVIADO, "Confirmada pelo status do WhatsApp");
        }
        if ("REENVIAR".equalsIgnoreCase(decisao)) {
            mensagens.decidirIncerta(filaId, true, usuario);
            return "REENVIAR";
        }
        if ("DESCARTAR".equalsIgnoreCase(decisao)) {
            mensagens.decidirIncerta(filaId, false, usuario);
            return encerrar(filaId, StatusFila.FALHOU, "Envio incerto encerrado por " + usuario);
        }
        throw new EnvioIncertoException("Envio incerto (fila " + filaId + "): a requisição pode ter chegado à Meta sem "
                + "resposta. Confira no WhatsApp Manager se o aluno recebeu; depois defina a variável "
                + "decisaoEnvioIncerto = REENVIAR ou DESCARTAR e tente o incidente de novo. Um status do WhatsApp "
                + "que chegue antes resolve sozinho.");
    }

    @Transactional
    public void expirar(Long filaId) {
        filas.travar(filaId).filter(f -> f.getStatus() == StatusFila.PENDENTE)
                .ifPresent(f -> f.encerrar(StatusFila.EXPIRADO, "Ninguém decidiu dentro do prazo", clock.instant()));
    }

    /** Cancels pending suggestions of an enrolment (of the given rule types); returns their process instances. */
    @Transactional
    public List<String> cancelarPendentesDaMatricula(Long matriculaId, Set<TipoRegra> tipos, String motivo) {
        return cancelar(filas.findByMatriculaIdAndStatusIn(matriculaId, PENDENTES).stream()
                .filter(f -> tipos.contains(f.getTipoRegra())).toList(), motivo);
    }

    @Transactional
    public List<String> cancelarPendentesDosAlunos(Collection<Long> alunoIds, String motivo) {
        return cancelar(filas.findByAlunoIdInAndStatusIn(alunoIds, PENDENTES), motivo);
    }

    private List<String> cancelar(List<FilaDisparo> pendentes, String motivo) {
        List<String> processos = new ArrayList<>();
        for (FilaDisparo f : pendentes) {
            f.encerrar(StatusFila.CANCELADO, motivo, clock.instant());
            if (f.getProcessInstanceId() != null) {
                processos.add(f.getProcessInstanceId());
            }
        }
        return processos;
    }

    /** When the last rescue message of the enrolment was sent, if one was (the conversion KPI looks back from it). */
    @Transactional(readOnly = true)
    public Optional<Instant> resgateEnviadoEm(Long matriculaId) {
        return filas.findByMatriculaIdOrderByIdDesc(matriculaId).stream()
                .filter(f -> f.getTipoRegra() == TipoRegra.RESGATE_ACESSO && f.getStatus() == StatusFila.ENVIADO)
                .map(f -> mensagens.enviadaEm(f.getId()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<FilaDisparo> fila(Long filaId) {
        return filas.findById(filaId);
    }

    @Transactional
    String encerrar(Long filaId, StatusFila status, String motivo) {
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        if (!fila.getStatus().encerrado()) {
            fila.encerrar(status, motivo, clock.instant());
        }
        return fila.getStatus() == StatusFila.ENVIADO ? "ENVIADO" : fila.getStatus().name();
    }

    // ----- rendering -----

    private static List<String> valores(TemplateResumo t, Destinatario d, ProdutoResumo produto, String textoLivre) {
        List<String> valores = new ArrayList<>();
        for (String p : t.parametros()) {
            valores.add(switch (p) {
                case "primeiro_nome" -> d.primeiroNome();
                case "produto" -> produto.nome();
                case "modulo" -> d.moduloAtualNome() == null ? produto.nome() : d.moduloAtualNome();
                case TemplateResumo.TEXTO_LIVRE -> textoLivre == null ? "" : textoLivre;
                default -> "";
            });
        }
        return valores;
    }

    private static String previa(TemplateResumo t, List<String> valores) {
        String texto = t.renderizar(valores);
        return t.botaoUrl() == null ? texto : texto + "\n\n[Botão: Acessar o curso → link rastreado do aluno]";
    }

    private String json(List<String> valores) {
        try {
            return mapper.writeValueAsString(valores);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> lerValores(String json) {
        try {
            return new ArrayList<>(mapper.readValue(json == null ? "[]" : json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
