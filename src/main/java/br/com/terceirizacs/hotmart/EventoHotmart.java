package br.com.terceirizacs.hotmart;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the inbox (inserted by {@link HotmartInbox} with plain JDBC; read and updated through JPA). */
@Entity
@Table(name = "eventos_hotmart")
public class EventoHotmart {

    @Id
    private Long id;

    @Column(name = "cliente_id")
    private Long clienteId;

    @Column(name = "chave_evento")
    private String chaveEvento;

    @Column(name = "hotmart_event_id")
    private String hotmartEventId;

    private String evento;

    @Column(name = "chave_negocio")
    private String chaveNegocio;

    @Column(name = "duplicado_de")
    private Long duplicadoDe;

    private String transacao;

    @Column(name = "produto_hotmart_id")
    private Long produtoHotmartId;

    private String email;

    @Column(name = "ocorrido_em")
    private Instant ocorridoEm;

    @Column(name = "recebido_em")
    private Instant recebidoEm;

    private String payload;

    @Enumerated(EnumType.STRING)
    private SituacaoEvento situacao;

    private String detalhe;

    private int tentativas;

    @Column(name = "proxima_tentativa_em")
    private Instant proximaTentativaEm;

    @Column(name = "processado_em")
    private Instant processadoEm;

    private int entregas;

    @Column(name = "ultima_entrega_em")
    private Instant ultimaEntregaEm;

    protected EventoHotmart() {
    }

    void concluir(SituacaoEvento situacao, String detalhe, Instant agora) {
        this.situacao = situacao;
        this.detalhe = detalhe == null || detalhe.length() <= 1000 ? detalhe : detalhe.substring(0, 1000);
        this.processadoEm = agora;
        this.proximaTentativaEm = null;
    }

    void registrarTentativa(int tentativas, Instant proxima) {
        this.tentativas = tentativas;
        this.proximaTentativaEm = proxima;
    }

    void reabrir() {
        this.situacao = SituacaoEvento.PENDENTE;
        this.tentativas = 0;
        this.proximaTentativaEm = null;
    }

    public Long getId() {
        return id;
    }

    public Long getClienteId() {
        return clienteId;
    }

    public String getHotmartEventId() {
        return hotmartEventId;
    }

    public String getEvento() {
        return evento;
    }

    public String getChaveNegocio() {
        return chaveNegocio;
    }

    public Long getDuplicadoDe() {
        return duplicadoDe;
    }

    public String getTransacao() {
        return transacao;
    }

    public Long getProdutoHotmartId() {
        return produtoHotmartId;
    }

    public String getEmail() {
        return email;
    }

    public Instant getOcorridoEm() {
        return ocorridoEm;
    }

    public Instant getRecebidoEm() {
        return recebidoEm;
    }

    public String getPayload() {
        return payload;
    }

    public SituacaoEvento getSituacao() {
        return situacao;
    }

    public String getDetalhe() {
        return detalhe;
    }

    public int getTentativas() {
        return tentativas;
    }

    public Instant getProcessadoEm() {
        return processadoEm;
    }

    public int getEntregas() {
        return entregas;
    }

    public Instant getUltimaEntregaEm() {
        return ultimaEntregaEm;
    }
}
