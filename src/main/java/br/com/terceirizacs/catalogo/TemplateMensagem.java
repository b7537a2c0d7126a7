package br.com.terceirizacs.catalogo;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Our copy of a Meta-approved WhatsApp template: what it says and which parameters it takes, in order. */
@Entity
@Table(name = "templates_mensagem")
public class TemplateMensagem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String nome;
    private String idioma;
    private String categoria;
    private String corpo;
    private String parametros;

    @Column(name = "texto_livre_padrao")
    private String textoLivrePadrao;

    @Column(name = "botao_rotulo")
    private String botaoRotulo;

    @Column(name = "botao_url")
    private String botaoUrl;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    @Column(name = "atualizado_por")
    private String atualizadoPor;

    protected TemplateMensagem() {
    }

    TemplateMensagem(String nome, String idioma, Instant agora) {
        this.nome = nome;
        this.idioma = idioma;
        this.criadoEm = agora;
    }

    /** Replaces what the template says; the caller has validated it ({@link TemplateValidacao}). */
    void alterar(TemplateValidacao.Dados d, String usuario, Instant agora) {
        this.categoria = d.categoria();
        this.corpo = d.corpo();
        this.parametros = String.join(",", d.parametros());
        this.textoLivrePadrao = d.textoLivrePadrao();
        this.botaoRotulo = d.botaoRotulo();
        this.botaoUrl = d.botaoUrl();
        this.atualizadoEm = agora;
        this.atualizadoPor = usuario;
    }

    TemplateResumo resumo() {
        return new TemplateResumo(nome, idioma, categoria, corpo, parametros(), textoLivrePadrao, botaoUrl, botaoRotulo);
    }

    List<String> parametros() {
        return parametros == null || parametros.isBlank() ? List.of() : List.of(parametros.split(","));
    }

    Long getId() {
        return id;
    }

    public String getNome() {
        return nome;
    }

    String getIdioma() {
        return idioma;
    }

    Instant getAtualizadoEm() {
        return atualizadoEm;
    }

    String getAtualizadoPor() {
        return atualizadoPor;
    }
}
