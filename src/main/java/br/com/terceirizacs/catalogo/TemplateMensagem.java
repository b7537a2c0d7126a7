package br.com.terceirizacs.catalogo;

import java.time.Instant;

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

    @Column(name = "botao_url")
    private String botaoUrl;

    @Column(name = "criado_em")
    private Instant criadoEm;

    protected TemplateMensagem() {
    }

    TemplateResumo resumo() {
        return new TemplateResumo(nome, idioma, categoria, corpo, java.util.List.of(parametros.split(",")),
                textoLivrePadrao, botaoUrl);
    }

    public String getNome() {
        return nome;
    }
}
