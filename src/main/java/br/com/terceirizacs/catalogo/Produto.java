package br.com.terceirizacs.catalogo;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Hotmart product of a producer; only monitored products get automations. */
@Entity
@Table(name = "produtos")
public class Produto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cliente_id")
    private Long clienteId;

    @Column(name = "hotmart_product_id")
    private Long hotmartProductId;

    private String ucode;
    private String nome;

    @Column(name = "ativo_monitoramento")
    private boolean ativoMonitoramento;

    @Column(name = "url_area_membros")
    private String urlAreaMembros;

    @Column(name = "template_boas_vindas")
    private String templateBoasVindas;

    /** Produto Progresso: the student's module progress drives flows (congratulations, stagnation review). */
    @Column(name = "monitoramento_progresso")
    private boolean monitoramentoProgresso;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected Produto() {
    }

    Produto(Long clienteId, Long hotmartProductId, Instant agora) {
        this.clienteId = clienteId;
        this.hotmartProductId = hotmartProductId;
        this.criadoEm = agora;
    }

    void atualizar(String nome, boolean ativoMonitoramento, String urlAreaMembros, String templateBoasVindas,
                   Instant agora) {
        this.nome = nome;
        this.ativoMonitoramento = ativoMonitoramento;
        this.urlAreaMembros = urlAreaMembros;
        this.templateBoasVindas = templateBoasVindas;
        this.atualizadoEm = agora;
    }

    void definirMonitoramentoProgresso(boolean ativo, Instant agora) {
        this.monitoramentoProgresso = ativo;
        this.atualizadoEm = agora;
    }

    void lembrarUcode(String ucode) {
        if (this.ucode == null && ucode != null) {
            this.ucode = ucode;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getClienteId() {
        return clienteId;
    }

    public Long getHotmartProductId() {
        return hotmartProductId;
    }

    public String getUcode() {
        return ucode;
    }

    public String getNome() {
        return nome;
    }

    public boolean isAtivoMonitoramento() {
        return ativoMonitoramento;
    }

    public String getUrlAreaMembros() {
        return urlAreaMembros;
    }

    public String getTemplateBoasVindas() {
        return templateBoasVindas;
    }

    public boolean isMonitoramentoProgresso() {
        return monitoramentoProgresso;
    }
}
