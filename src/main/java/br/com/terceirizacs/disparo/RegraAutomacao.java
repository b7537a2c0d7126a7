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

/** An automation rule: global (produto null) or the override of one product. */
@Entity
@Table(name = "regras_automacao")
public class RegraAutomacao {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String chave;
    private String nome;

    @Enumerated(EnumType.STRING)
    private TipoRegra tipo;

    @Column(name = "produto_id")
    private Long produtoId;

    @Enumerated(EnumType.STRING)
    @Column(name = "modo_execucao")
    private ModoExecucao modoExecucao;

    private boolean ativa;

    @Column(name = "limiar_horas")
    private Integer limiarHoras;

    @Column(name = "limiar_dias")
    private Integer limiarDias;

    @Column(name = "template_nome")
    private String templateNome;

    @Column(name = "template_idioma")
    private String templateIdioma;

    @Column(name = "expiracao_horas")
    private Integer expiracaoHoras;

    /** How many rescue suggestions one enrolment may get (1 by default) … */
    @Column(name = "max_sugestoes")
    private int maxSugestoes = 1;

    /** … and the minimum gap between two of them. */
    @Column(name = "intervalo_minimo_horas")
    private int intervaloMinimoHoras = 72;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected RegraAutomacao() {
    }

    /** A product override starts as a copy of the global rule. */
    static RegraAutomacao sobrescrita(RegraAutomacao global, Long produtoId, Instant agora) {
        RegraAutomacao r = new RegraAutomacao();
        r.chave = global.tipo.name() + ":" + produtoId;
        r.nome = global.nome;
        r.tipo = global.tipo;
        r.produtoId = produtoId;
        r.modoExecucao = global.modoExecucao;
        r.ativa = global.ativa;
        r.limiarHoras = global.limiarHoras;
        r.limiarDias = global.limiarDias;
        r.templateNome = global.templateNome;
        r.templateIdioma = global.templateIdioma;
        r.expiracaoHoras = global.expiracaoHoras;
        r.maxSugestoes = global.maxSugestoes;
        r.intervaloMinimoHoras = global.intervaloMinimoHoras;
        r.criadoEm = agora;
        r.atualizadoEm = agora;
        return r;
    }

    void alterar(String nome, ModoExecucao modo, boolean ativa, Integer limiarHoras, Integer limiarDias,
                 String templateNome, String templateIdioma, Integer expiracaoHoras, Integer maxSugestoes,
                 Integer intervaloMinimoHoras, Instant agora) {
        if (maxSugestoes != null) {
            this.maxSugestoes = maxSugestoes;
        }
        if (intervaloMinimoHoras != null) {
            this.intervaloMinimoHoras = intervaloMinimoHoras;
        }
        this.nome = nome;
        this.modoExecucao = modo;
        this.ativa = ativa;
        this.limiarHoras = limiarHoras;
        this.limiarDias = limiarDias;
        this.templateNome = templateNome;
        this.templateIdioma = templateIdioma;
        this.expiracaoHoras = expiracaoHoras;
        this.atualizadoEm = agora;
    }

    public Long getId() {
        return id;
    }

    public String getNome() {
        return nome;
    }

    public TipoRegra getTipo() {
        return tipo;
    }

    public Long getProdutoId() {
        return produtoId;
    }

    public ModoExecucao getModoExecucao() {
        return modoExecucao;
    }

    public boolean isAtiva() {
        return ativa;
    }

    public Integer getLimiarHoras() {
        return limiarHoras;
    }

    public Integer getLimiarDias() {
        return limiarDias;
    }

    public String getTemplateNome() {
        return templateNome;
    }

    public String getTemplateIdioma() {
        return templateIdioma;
    }

    public Integer getExpiracaoHoras() {
        return expiracaoHoras;
    }

    public int getMaxSugestoes() {
        return maxSugestoes;
    }

    public int getIntervaloMinimoHoras() {
        return intervaloMinimoHoras;
    }

    public Instant getAtualizadoEm() {
        return atualizadoEm;
    }
}
