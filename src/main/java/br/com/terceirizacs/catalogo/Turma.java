package br.com.terceirizacs.catalogo;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cohort of a product ("Turma 10"). */
@Entity
@Table(name = "turmas")
public class Turma {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "produto_id")
    private Long produtoId;

    private String nome;

    @Enumerated(EnumType.STRING)
    private TipoTurma tipo;

    @Column(name = "data_inicio")
    private LocalDate dataInicio;

    @Column(name = "data_fim")
    private LocalDate dataFim;

    @Column(name = "criado_em")
    private Instant criadoEm;

    protected Turma() {
    }

    Turma(Long produtoId, String nome, TipoTurma tipo, LocalDate dataInicio, LocalDate dataFim, Instant agora) {
        this.produtoId = produtoId;
        this.nome = nome;
        this.tipo = tipo;
        this.dataInicio = dataInicio;
        this.dataFim = dataFim;
        this.criadoEm = agora;
    }

    boolean contem(LocalDate dataCompra) {
        return dataInicio != null && dataFim != null && !dataCompra.isBefore(dataInicio) && !dataCompra.isAfter(dataFim);
    }

    public Long getId() {
        return id;
    }

    public Long getProdutoId() {
        return produtoId;
    }

    public String getNome() {
        return nome;
    }

    public TipoTurma getTipo() {
        return tipo;
    }

    public LocalDate getDataInicio() {
        return dataInicio;
    }

    public LocalDate getDataFim() {
        return dataFim;
    }
}
