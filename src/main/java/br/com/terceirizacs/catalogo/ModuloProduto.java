package br.com.terceirizacs.catalogo;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One module of a product's catalogue (Produto Progresso): Hotmart's module id, its name and its place in the course. */
@Entity
@Table(name = "modulos_produto")
class ModuloProduto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "produto_id")
    private Long produtoId;

    @Column(name = "modulo_id")
    private String moduloId;

    private String nome;
    private int ordem;

    @Enumerated(EnumType.STRING)
    private OrigemModulo origem;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected ModuloProduto() {
    }

    ModuloProduto(Long produtoId, String moduloId, String nome, int ordem, OrigemModulo origem, Instant agora) {
        this.produtoId = produtoId;
        this.moduloId = moduloId;
        this.nome = nome;
        this.ordem = ordem;
        this.origem = origem;
        this.criadoEm = agora;
        this.atualizadoEm = agora;
    }

    void definir(String nome, int ordem, OrigemModulo origem, Instant agora) {
        this.nome = nome;
        this.ordem = ordem;
        this.origem = origem;
        this.atualizadoEm = agora;
    }

    Long getId() {
        return id;
    }

    String getModuloId() {
        return moduloId;
    }

    String getNome() {
        return nome;
    }

    int getOrdem() {
        return ordem;
    }

    OrigemModulo getOrigem() {
        return origem;
    }

    ModuloResumo resumo() {
        return new ModuloResumo(moduloId, nome, ordem, origem);
    }
}
