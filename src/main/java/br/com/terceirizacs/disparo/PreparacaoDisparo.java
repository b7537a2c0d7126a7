package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoModulos;
import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.ModuloResumo;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.catalogo.TemplateResumo;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.RespostasAluno;
import br.com.terceirizacs.whatsapp.WhatsAppProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of the {@code disparo} process: the queue row with its template, parameters and preview, the first
 * policy check, and whether a person must approve. Also what the approval form shows.
 */
@Service
public class PreparacaoDisparo {

    private final FilaDisparoRepository filas;
    private final RegraService regras;
    private final PoliticaDisparo politica;
    private final ContatoAlunoService contatos;
    private final CatalogoService catalogo;
    private final CatalogoModulos modulos;
    private final MensagemDaFila mensagem;
    private final RespostasAluno respostas;
    private final WhatsAppProperties whatsapp;
    private final Clock clock;

    PreparacaoDisparo(FilaDisparoRepository filas, RegraService regras, PoliticaDisparo politica,
                      ContatoAlunoService contatos, CatalogoService catalogo, CatalogoModulos modulos,
                      MensagemDaFila mensagem, RespostasAluno respostas, WhatsAppProperties whatsapp, Clock clock) {
        this.modulos = modulos;
        this.filas = filas;
        this.regras = regras;
        this.politica = politica;
        this.contatos = contatos;
        this.catalogo = catalogo;
        this.mensagem = mensagem;
        this.respostas = respostas;
        this.whatsapp = whatsapp;
        this.clock = clock;
    }

    /**
     * @param aprovacaoHumana a person must approve (rule SUGERIR_APENAS and not approved as part of a batch)
     * @param aguardaJanela   a message we start: it waits for the producer's sending window
     */
    public record Preparacao(Long filaId, boolean politicaOk, boolean aprovacaoHumana, boolean aguardaJanela,
                             Date expiraEm, String motivoBloqueio) {
    }

    /**
     * What the approval form shows (task-local copies for display; the queue row stays the source of truth).
     *
     * @param ultimaResposta the student's last WhatsApp reply as one line ("respondeu há 2 h (…): “…”"), or null
     * @param modoSimulacao  no WhatsApp token: an approved message is only recorded, never sent
     * @param mensagemWhatsApp the message and its button as WhatsApp draws them, as escaped HTML for the form's text
     *                         view ({@code whatsapp.FormatacaoWhatsApp})
     */
    public record VisaoAprovacao(String aluno, String telefone, String produto, String tipo, String motivo,
                                 String mensagem, boolean temTextoLivre, String textoLivre, Date expiraEm,
                                 String ultimaResposta, boolean modoSimulacao, String mensagemWhatsApp) {
    }

    @Transactional
    public Preparacao preparar(Long matriculaId, TipoRegra tipo, String motivo, boolean preAprovado,
                               String processInstanceId) {
        return preparar(matriculaId, tipo, motivo, preAprovado, processInstanceId, null, null);
    }

    /**
     * @param templateEscolhido the message template to use instead of the rule's (and the product's welcome), or
     *                          null: the caller's choice, e.g. {@code curso_concluido} for the last module of a course
     * @param moduloId          the module the message names (its name in the product's catalogue), or null for the
     *                          enrolment's current module
     */
    @Transactional
    public Preparacao preparar(Long matriculaId, TipoRegra tipo, String motivo, boolean preAprovado,
                               String processInstanceId, String templateEscolhido, String moduloId) {
        Instant agora = clock.instant();
        Destinatario d = contatos.destinatario(matriculaId);
        ProdutoResumo produto = catalogo.produto(d.produtoId()).orElseThrow();
        RegraAutomacao regra = regras.efetiva(tipo, d.produtoId());
        FilaDisparo fila = filas.save(new FilaDisparo(d.alunoId(), matriculaId, regra, motivo, preAprovado,
                processInstanceId, agora));
        String nomeTemplate = templateEscolhido != null && !templateEscolhido.isBlank() ? templateEscolhido
                : tipo == TipoRegra.ONBOARDING && produto.templateBoasVindas() != null
                ? produto.templateBoasVindas() : regra.getTemplateNome();
        Optional<TemplateResumo> template = catalogo.template(nomeTemplate, regra.getTemplateIdioma());
        Instant expira = agora.plus(Duration.ofHours(regra.getExpiracaoHoras() == null ? 48 : regra.getExpiracaoHoras()));
        if (template.isEmpty()) {
            fila.prepararMensagem(nomeTemplate, regra.getTemplateIdioma(), "[]", null, expira);
            return cancelada(fila, "Template '" + nomeTemplate + "' não cadastrado");
        }
        String modulo = moduloId == null ? null
                : modulos.modulo(d.produtoId(), moduloId).map(ModuloResumo::nome).orElse(null);
        List<String> valores = MensagemDaFila.valoresIniciais(template.get(), d, produto,
                template.get().textoLivrePadrao(), modulo);
        fila.prepararMensagem(nomeTemplate, regra.getTemplateIdioma(), mensagem.parametros(valores),
                MensagemDaFila.previa(template.get(), valores), expira);
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

    @Transactional(readOnly = true)
    public VisaoAprovacao visaoAprovacao(Long filaId) {
        FilaDisparo fila = filas.findById(filaId).orElseThrow();
        Destinatario d = contatos.destinatario(fila.getMatriculaId());
        ProdutoResumo produto = catalogo.produto(d.produtoId()).orElseThrow();
        TemplateResumo template = mensagem.template(fila);
        List<String> valores = mensagem.valores(fila);
        int livre = MensagemDaFila.posicaoTextoLivre(template);
        return new VisaoAprovacao(d.nome(), d.telefoneE164(), produto.nome(), fila.getTipoRegra().rotulo(),
                fila.getMotivo(), fila.getTextoPrevia(), livre >= 0, livre >= 0 ? valores.get(livre) : null,
                fila.getExpiraEm() == null ? null : Date.from(fila.getExpiraEm()),
                respostas.ultimaDoAluno(d.alunoId()).map(RespostasAluno.UltimaResposta::resumo).orElse(null),
                whatsapp.simulado(), MensagemDaFila.previaWhatsApp(template, valores));
    }
}
