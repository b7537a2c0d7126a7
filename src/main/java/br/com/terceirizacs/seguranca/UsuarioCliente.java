package br.com.terceirizacs.seguranca;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A producer's user (role CLIENTE): belongs to exactly one cliente and sees only its dashboard. */
@Entity
@Table(name = "usuarios_cliente")
class UsuarioCliente {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cliente_id", nullable = false, updatable = false)
    private Long clienteId;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(nullable = false)
    private String nome;

    @Column(name = "senha_hash", nullable = false)
    private String senhaHash;

    @Column(nullable = false)
    private boolean ativo;

    @Column(name = "criado_em", nullable = false, updatable = false)
    private Instant criadoEm;

    @Column(name = "atualizado_em", nullable = false)
    private Instant atualizadoEm;

    protected UsuarioCliente() {
    }

    UsuarioCliente(Long clienteId, String email, String nome, String senhaHash, Instant agora) {
        this.clienteId = clienteId;
        this.email = email;
        this.nome = nome;
        this.senhaHash = senhaHash;
        this.ativo = true;
        this.criadoEm = agora;
        this.atualizadoEm = agora;
    }

    void trocarSenha(String novoHash, Instant agora) {
        this.senhaHash = novoHash;
        this.ativo = true;
        this.atualizadoEm = agora;
    }

    void desativar(Instant agora) {
        this.ativo = false;
        this.atualizadoEm = agora;
    }

    Long getId() {
        return id;
    }

    Long getClienteId() {
        return clienteId;
    }

    String getEmail() {
        return email;
    }

    String getNome() {
        return nome;
    }

    String getSenhaHash() {
        return senhaHash;
    }

    boolean isAtivo() {
        return ativo;
    }

    Instant getCriadoEm() {
        return criadoEm;
    }
}
