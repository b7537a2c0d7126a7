package br.com.terceirizacs.catalogo;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A producer we serve: the tenant. Identified on webhooks by its hottok, stored only as a hash. */
@Entity
@Table(name = "clientes")
public class Cliente {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String nome;
    private String slug;

    @Column(name = "hottok_hash")
    private String hottokHash;

    @Column(name = "fuso_horario")
    private String fusoHorario = "America/Sao_Paulo";

    @Column(name = "janela_envio_inicio")
    private LocalTime janelaEnvioInicio = LocalTime.of(9, 0);

    @Column(name = "janela_envio_fim")
    private LocalTime janelaEnvioFim = LocalTime.of(21, 0);

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected Cliente() {
    }

    Cliente(String nome, String slug, String hottokHash, Instant agora) {
        this.nome = nome;
        this.slug = slug;
        this.hottokHash = hottokHash;
        this.criadoEm = agora;
        this.atualizadoEm = agora;
    }

    public Long getId() {
        return id;
    }

    public String getNome() {
        return nome;
    }

    public String getSlug() {
        return slug;
    }

    String getHottokHash() {
        return hottokHash;
    }

    public ZoneId getFusoHorario() {
        return ZoneId.of(fusoHorario);
    }

    public LocalTime getJanelaEnvioInicio() {
        return janelaEnvioInicio;
    }

    public LocalTime getJanelaEnvioFim() {
        return janelaEnvioFim;
    }

    public Instant getCriadoEm() {
        return criadoEm;
    }
}
