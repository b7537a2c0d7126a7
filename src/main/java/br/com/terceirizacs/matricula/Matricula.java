package br.com.terceirizacs.matricula;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A student's enrolment in a product: purchase, first access and progress. */
@Entity
@Table(name = "matriculas")
public class Matricula {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "aluno_id")
    private Long alunoId;

    @Column(name = "produto_id")
    private Long produtoId;

    @Column(name = "turma_id")
    private Long turmaId;

    @Column(name = "transacao_codigo")
    private String transacaoCodigo;

    @Column(name = "oferta_codigo")
    private String ofertaCodigo;

    @Column(name = "assinante_codigo")
    private String assinanteCodigo;

    @Enumerated(EnumType.STRING)
    private StatusMatricula status;

    @Column(name = "status_em")
    private Instant statusEm;

    @Column(name = "data_compra")
    private Instant dataCompra;

    @Column(name = "data_garantia")
    private Instant dataGarantia;

    @Column(name = "acesso_ate")
    private Instant acessoAte;

    @Column(name = "data_primeiro_acesso")
    private Instant dataPrimeiroAcesso;

    @Column(name = "origem_primeiro_acesso")
    private String origemPrimeiroAcesso;

    @Column(name = "modulo_atual_id")
    private String moduloAtualId;

    @Column(name = "modulo_atual_nome")
    private String moduloAtualNome;

    @Column(name = "ultimo_progresso_em")
    private Instant ultimoProgressoEm;

    @Column(name = "token_link")
    private String tokenLink;

    @Column(name = "alerta_cs")
    private String alertaCs;

    @Version
    private Long versao;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected Matricula() {
    }

    Matricula(Long alunoId, Long produtoId, String tokenLink, Instant agora) {
        this.alunoId = alunoId;
        this.produtoId = produtoId;
        this.tokenLink = tokenLink;
        this.criadoEm = agora;
    }

    /** Points the enrolment at the purchase (transaction) that now defines it. */
    void assumirCompra(String transacaoCodigo, String ofertaCodigo, String assinanteCodigo, Long turmaId,
                       Instant dataCompra, Instant dataGarantia, StatusMatricula status, Instant statusEm, Instant agora) {
        this.transacaoCodigo = transacaoCodigo;
        this.ofertaCodigo = ofertaCodigo;
        this.assinanteCodigo = assinanteCodigo;
        this.turmaId = turmaId;
        this.dataCompra = dataCompra;
        this.dataGarantia = dataGarantia;
        this.status = status;
        this.statusEm = statusEm;
        this.acessoAte = null;
        this.atualizadoEm = agora;
    }

    void mudarStatus(StatusMatricula novo, Instant em, Instant agora) {
        this.status = novo;
        this.statusEm = em;
        this.atualizadoEm = agora;
    }

    void completarDadosDaCompra(Instant dataGarantia, String assinanteCodigo, Instant agora) {
        if (this.dataGarantia == null && dataGarantia != null) {
            this.dataGarantia = dataGarantia;
            this.atualizadoEm = agora;
        }
        if (this.assinanteCodigo == null && assinanteCodigo != null) {
            this.assinanteCodigo = assinanteCodigo;
            this.atualizadoEm = agora;
        }
    }

    void cancelarAssinatura(Instant em, Instant acessoAte, Instant agora) {
        this.status = StatusMatricula.CANCELADA;
        this.statusEm = em;
        this.acessoAte = acessoAte;
        this.atualizadoEm = agora;
    }

    /** First one wins: a later (or repeated) first-access event changes nothing. */
    boolean registrarPrimeiroAcesso(Instant em, OrigemAcesso origem, Instant agora) {
        if (dataPrimeiroAcesso != null) {
            return false;
        }
        this.dataPrimeiroAcesso = em;
        this.origemPrimeiroAcesso = origem.codigo();
        this.atualizadoEm = agora;
        return true;
    }

    /** Progress only moves forward in time: a late, older completion does not become the current module. */
    boolean registrarProgresso(String moduloId, String moduloNome, Instant em, Instant agora) {
        if (ultimoProgressoEm != null && ultimoProgressoEm.isAfter(em)) {
            return false;
        }
        this.moduloAtualId = moduloId;
        this.moduloAtualNome = moduloNome;
        this.ultimoProgressoEm = em;
        this.atualizadoEm = agora;
        return true;
    }

    void sinalizar(String alerta, Instant agora) {
        this.alertaCs = alerta;
        this.atualizadoEm = agora;
    }

    public String getAlertaCs() {
        return alertaCs;
    }

    void mudarTurma(Long turmaId, Instant agora) {
        this.turmaId = turmaId;
        this.atualizadoEm = agora;
    }

    public Long getId() {
        return id;
    }

    public Long getAlunoId() {
        return alunoId;
    }

    public Long getProdutoId() {
        return produtoId;
    }

    public Long getTurmaId() {
        return turmaId;
    }

    public String getTransacaoCodigo() {
        return transacaoCodigo;
    }

    public String getOfertaCodigo() {
        return ofertaCodigo;
    }

    public String getAssinanteCodigo() {
        return assinanteCodigo;
    }

    public StatusMatricula getStatus() {
        return status;
    }

    public Instant getStatusEm() {
        return statusEm;
    }

    public Instant getDataCompra() {
        return dataCompra;
    }

    public Instant getDataGarantia() {
        return dataGarantia;
    }

    public Instant getAcessoAte() {
        return acessoAte;
    }

    public Instant getDataPrimeiroAcesso() {
        return dataPrimeiroAcesso;
    }

    public String getOrigemPrimeiroAcesso() {
        return origemPrimeiroAcesso;
    }

    public String getModuloAtualId() {
        return moduloAtualId;
    }

    public String getModuloAtualNome() {
        return moduloAtualNome;
    }

    public Instant getUltimoProgressoEm() {
        return ultimoProgressoEm;
    }

    public String getTokenLink() {
        return tokenLink;
    }
}
