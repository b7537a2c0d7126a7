package br.com.terceirizacs.matricula;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Hotmart transaction (HP…): a first charge, a renewal, or an order that never got paid. */
@Entity
@Table(name = "transacoes")
public class Transacao {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cliente_id")
    private Long clienteId;

    private String codigo;

    @Column(name = "produto_id")
    private Long produtoId;

    @Column(name = "aluno_id")
    private Long alunoId;

    @Column(name = "matricula_id")
    private Long matriculaId;

    private Integer recorrencia;

    @Enumerated(EnumType.STRING)
    private StatusTransacao status;

    @Column(name = "status_em")
    private Instant statusEm;

    @Column(name = "oferta_codigo")
    private String ofertaCodigo;

    private BigDecimal preco;
    private String moeda;

    @Column(name = "data_pedido")
    private Instant dataPedido;

    @Column(name = "data_aprovacao")
    private Instant dataAprovacao;

    @Column(name = "assinante_codigo")
    private String assinanteCodigo;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected Transacao() {
    }

    Transacao(Long clienteId, String codigo, Long produtoId, StatusTransacao status, Instant statusEm, Instant agora) {
        this.clienteId = clienteId;
        this.codigo = codigo;
        this.produtoId = produtoId;
        this.status = status;
        this.statusEm = statusEm;
        this.criadoEm = agora;
        this.atualizadoEm = agora;
    }

    /**
     * Applies a status by precedence: a terminal status is final; a terminal status beats any other; between
     * non-terminal ones the later event time wins (events arrive out of order).
     */
    boolean aplicar(StatusTransacao novo, Instant em, Instant agora) {
        if (status.terminal()) {
            return false;
        }
        if (!novo.terminal() && em.isBefore(statusEm)) {
            return false;
        }
        this.status = novo;
        this.statusEm = em;
        this.atualizadoEm = agora;
        return true;
    }

    /** Fills in what an earlier (or later) event of the same transaction did not carry. */
    void completar(Long alunoId, Integer recorrencia, String ofertaCodigo, BigDecimal preco, String moeda,
                   Instant dataPedido, Instant dataAprovacao, String assinanteCodigo, Instant agora) {
        this.alunoId = primeiro(this.alunoId, alunoId);
        this.recorrencia = primeiro(this.recorrencia, recorrencia);
        this.ofertaCodigo = primeiro(this.ofertaCodigo, ofertaCodigo);
        this.preco = primeiro(this.preco, preco);
        this.moeda = primeiro(this.moeda, moeda);
        this.dataPedido = primeiro(this.dataPedido, dataPedido);
        this.dataAprovacao = primeiro(this.dataAprovacao, dataAprovacao);
        this.assinanteCodigo = primeiro(this.assinanteCodigo, assinanteCodigo);
        this.atualizadoEm = agora;
    }

    void vincularMatricula(Long matriculaId) {
        this.matriculaId = matriculaId;
    }

    private static <T> T primeiro(T atual, T novo) {
        return atual != null ? atual : novo;
    }

    public Long getId() {
        return id;
    }

    public String getCodigo() {
        return codigo;
    }

    public Long getMatriculaId() {
        return matriculaId;
    }

    public Integer getRecorrencia() {
        return recorrencia;
    }

    public StatusTransacao getStatus() {
        return status;
    }

    public Instant getStatusEm() {
        return statusEm;
    }

    public Instant getDataAprovacao() {
        return dataAprovacao;
    }
}
