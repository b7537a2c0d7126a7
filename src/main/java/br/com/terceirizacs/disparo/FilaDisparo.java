package br.com.terceirizacs.disparo;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One suggested or automatic message: the durable audit of what was proposed, decided and sent.
 * <p>
 * Over 250 lines: a JPA entity, most of it columns and their accessors; its behaviour is the state machine of
 * {@link StatusFila} (aprovar, rejeitar, encerrar).
 */
@Entity
@Table(name = "filas_disparo")
public class FilaDisparo {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "aluno_id")
    private Long alunoId;

    @Column(name = "matricula_id")
    private Long matriculaId;

    @Column(name = "regra_id")
    private Long regraId;

    @Enumerated(EnumType.STRING)
    @Column(name = "tipo_regra")
    private TipoRegra tipoRegra;

    @Enumerated(EnumType.STRING)
    @Column(name = "modo_execucao")
    private ModoExecucao modoExecucao;

    @Column(name = "aprovado_previamente")
    private boolean aprovadoPreviamente;

    @Column(name = "template_sugerido")
    private String templateSugerido;

    @Column(name = "template_idioma")
    private String templateIdioma;

    /** The body parameters as JSON array of strings, in template order. */
    private String parametros;

    @Column(name = "texto_previa")
    private String textoPrevia;

    private String motivo;

    @Enumerated(EnumType.STRING)
    private StatusFila status;

    @Column(name = "texto_editado")
    private String textoEditado;

    @Column(name = "decidido_por")
    private String decididoPor;

    @Column(name = "decidido_em")
    private Instant decididoEm;

    @Column(name = "motivo_decisao")
    private String motivoDecisao;

    @Column(name = "expira_em")
    private Instant expiraEm;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected FilaDisparo() {
    }

    FilaDisparo(Long alunoId, Long matriculaId, RegraAutomacao regra, String motivo, boolean aprovadoPreviamente,
                String processInstanceId, Instant agora) {
        this.alunoId = alunoId;
        this.matriculaId = matriculaId;
        this.regraId = regra.getId();
        this.tipoRegra = regra.getTipo();
        this.modoExecucao = regra.getModoExecucao();
        this.aprovadoPreviamente = aprovadoPreviamente;
        this.motivo = motivo;
        this.processInstanceId = processInstanceId;
        this.status = aprovadoPreviamente ? StatusFila.APROVADO : StatusFila.PENDENTE;
        this.criadoEm = agora;
        this.atualizadoEm = agora;
    }

    void prepararMensagem(String template, String idioma, String parametrosJson, String previa, Instant expiraEm) {
        this.templateSugerido = template;
        this.templateIdioma = idioma;
        this.parametros = parametrosJson;
        this.textoPrevia = previa;
        this.expiraEm = expiraEm;
    }

    /** Whether the message goes out without a person deciding (automatic rule or a batch already reviewed). */
    boolean dispensaAprovacao() {
        return aprovadoPreviamente || modoExecucao == ModoExecucao.DISPARO_AUTOMATICO;
    }

    /** An automatic rule or a reviewed batch: approved at once, by nobody in particular. No-op unless pending. */
    void aprovarAutomaticamente(Instant agora) {
        if (status == StatusFila.PENDENTE) {
            this.status = StatusFila.APROVADO;
            this.decididoPor = "automatico";
            this.decididoEm = agora;
            this.atualizadoEm = agora;
        }
    }

    /**
     * A person approved the suggestion, possibly with their own free text ({@code textoEditado}, with the new
     * {@code previa} and {@code parametrosJson}; all three null when the text was kept).
     */
    void aprovar(String usuario, String textoEditado, String previa, String parametrosJson, Instant agora) {
        exigirPendente();
        this.status = StatusFila.APROVADO;
        this.decididoPor = usuario;
        this.decididoEm = agora;
        this.textoEditado = textoEditado;
        if (previa != null) {
            this.textoPrevia = previa;
            this.parametros = parametrosJson;
        }
        this.atualizadoEm = agora;
    }

    /** A person discarded the suggestion, with the reason. */
    void rejeitar(String usuario, String motivo, Instant agora) {
        exigirPendente();
        this.status = StatusFila.REJEITADO;
        this.decididoPor = usuario;
        this.decididoEm = agora;
        this.motivoDecisao = motivo;
        this.atualizadoEm = agora;
    }

    private void exigirPendente() {
        if (status != StatusFila.PENDENTE) {
            throw new IllegalStateException("Este disparo não está mais pendente (" + status + ")");
        }
    }

    /**
     * Closes the row (or, for a send, takes it from approved to its outcome) with the reason. A row already closed
     * stays as it is and {@code false} is returned: an opt-out, a refund and an expiry may race for the same row.
     * A transition {@link StatusFila} does not allow is a bug.
     */
    boolean encerrar(StatusFila novo, String motivoDecisao, Instant agora) {
        if (status.encerrado()) {
            return false;
        }
        if (!status.podeIrPara(novo)) {
            throw new IllegalStateException("Transição inválida da fila " + id + ": " + status + " → " + novo);
        }
        this.status = novo;
        if (motivoDecisao != null) {
            this.motivoDecisao = motivoDecisao.length() > 500 ? motivoDecisao.substring(0, 500) : motivoDecisao;
        }
        this.atualizadoEm = agora;
        return true;
    }

    void vincularProcesso(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public Long getAlunoId() {
        return alunoId;
    }

    public Long getMatriculaId() {
        return matriculaId;
    }

    public Long getRegraId() {
        return regraId;
    }

    public TipoRegra getTipoRegra() {
        return tipoRegra;
    }

    public ModoExecucao getModoExecucao() {
        return modoExecucao;
    }

    public String getTemplateSugerido() {
        return templateSugerido;
    }

    public String getTemplateIdioma() {
        return templateIdioma;
    }

    public String getParametros() {
        return parametros;
    }

    public String getTextoPrevia() {
        return textoPrevia;
    }

    public String getMotivo() {
        return motivo;
    }

    public StatusFila getStatus() {
        return status;
    }

    public String getTextoEditado() {
        return textoEditado;
    }

    public String getDecididoPor() {
        return decididoPor;
    }

    public String getMotivoDecisao() {
        return motivoDecisao;
    }

    public Instant getExpiraEm() {
        return expiraEm;
    }

    public Instant getAtualizadoEm() {
        return atualizadoEm;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
