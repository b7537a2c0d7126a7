package br.com.terceirizacs.catalogo;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An offer code of a product, optionally tied to a turma (Hotmart's offer → turma association). */
@Entity
@Table(name = "ofertas")
public class Oferta {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "produto_id")
    private Long produtoId;

    private String codigo;

    @Column(name = "turma_id")
    private Long turmaId;

    @Column(name = "criado_em")
    private Instant criadoEm;

    protected Oferta() {
    }

    Oferta(Long produtoId, String codigo, Instant agora) {
        this.produtoId = produtoId;
        this.codigo = codigo;
        this.criadoEm = agora;
    }

    void vincular(Long turmaId) {
        this.turmaId = turmaId;
    }

    public String getCodigo() {
        return codigo;
    }

    public Long getTurmaId() {
        return turmaId;
    }
}
