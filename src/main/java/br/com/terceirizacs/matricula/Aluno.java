package br.com.terceirizacs.matricula;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A buyer of one producer; the e-mail (lower-case) identifies them. */
@Entity
@Table(name = "alunos")
public class Aluno {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cliente_id")
    private Long clienteId;

    private String email;
    private String nome;

    @Column(name = "telefone_e164")
    private String telefoneE164;

    @Column(name = "telefone_bruto")
    private String telefoneBruto;

    @Enumerated(EnumType.STRING)
    @Column(name = "telefone_situacao")
    private SituacaoTelefone telefoneSituacao;

    @Column(name = "pais_iso")
    private String paisIso;

    @Column(name = "wa_id")
    private String waId;

    @Column(name = "opt_out_em")
    private Instant optOutEm;

    @Column(name = "opt_out_motivo")
    private String optOutMotivo;

    @Column(name = "criado_em")
    private Instant criadoEm;

    @Column(name = "atualizado_em")
    private Instant atualizadoEm;

    protected Aluno() {
    }

    Aluno(Long clienteId, String email, Instant agora) {
        this.clienteId = clienteId;
        this.email = email;
        this.telefoneSituacao = SituacaoTelefone.AUSENTE;
        this.criadoEm = agora;
        this.atualizadoEm = agora;
    }

    /** Newer purchase data wins, but a usable phone is never replaced by an unusable or missing one. */
    void atualizarDados(String nome, Telefones.Resultado telefone, String paisIso, Instant agora) {
        if (nome != null && !nome.isBlank()) {
            this.nome = nome.trim();
        }
        if (paisIso != null && !paisIso.isBlank()) {
            this.paisIso = paisIso.trim().toUpperCase(java.util.Locale.ROOT);
        }
        boolean substitui = switch (telefone.situacao()) {
            case VALIDO -> true;
            case INVALIDO -> this.telefoneSituacao != SituacaoTelefone.VALIDO;
            case AUSENTE -> false;
        };
        if (substitui) {
            if (!java.util.Objects.equals(telefone.e164(), this.telefoneE164)) {
                this.waId = null;
            }
            this.telefoneE164 = telefone.e164();
            this.telefoneBruto = telefone.bruto();
            this.telefoneSituacao = telefone.situacao();
        }
        this.atualizadoEm = agora;
    }

    void registrarWaId(String waId, Instant agora) {
        this.waId = waId;
        this.atualizadoEm = agora;
    }

    void marcarTelefoneInutilizavel(Instant agora) {
        this.telefoneSituacao = SituacaoTelefone.INVALIDO;
        this.atualizadoEm = agora;
    }

    void registrarOptOut(String motivo, Instant agora) {
        if (this.optOutEm == null) {
            this.optOutEm = agora;
            this.optOutMotivo = motivo == null ? null : motivo.substring(0, Math.min(200, motivo.length()));
        }
        this.atualizadoEm = agora;
    }

    public Long getId() {
        return id;
    }

    public Long getClienteId() {
        return clienteId;
    }

    public String getEmail() {
        return email;
    }

    public String getNome() {
        return nome;
    }

    public String getTelefoneE164() {
        return telefoneE164;
    }

    public String getTelefoneBruto() {
        return telefoneBruto;
    }

    public SituacaoTelefone getTelefoneSituacao() {
        return telefoneSituacao;
    }

    public String getWaId() {
        return waId;
    }

    public Instant getOptOutEm() {
        return optOutEm;
    }
}
