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

/** One click on a tracked link, one first access or one completed module. Append-only. */
@Entity
@Table(name = "acessos_log")
public class AcessoLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "matricula_id")
    private Long matriculaId;

    @Enumerated(EnumType.STRING)
    private TipoAcesso tipo;

    @Column(name = "ocorrido_em")
    private Instant ocorridoEm;

    private String origem;

    @Column(name = "modulo_id")
    private String moduloId;

    @Column(name = "modulo_nome")
    private String moduloNome;

    @Column(name = "user_agent")
    private String userAgent;

    private boolean robo;

    @Column(name = "evento_hotmart_id")
    private Long eventoHotmartId;

    @Column(name = "registrado_em")
    private Instant registradoEm;

    protected AcessoLog() {
    }

    static AcessoLog clique(Long matriculaId, Instant em, String userAgent, boolean robo) {
        AcessoLog a = new AcessoLog();
        a.matriculaId = matriculaId;
        a.tipo = TipoAcesso.CLIQUE_LINK;
        a.ocorridoEm = em;
        a.registradoEm = em;
        a.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(400, userAgent.length()));
        a.robo = robo;
        return a;
    }

    static AcessoLog primeiroAcesso(Long matriculaId, Instant em, OrigemAcesso origem, Long eventoId, Instant agora) {
        AcessoLog a = new AcessoLog();
        a.matriculaId = matriculaId;
        a.tipo = TipoAcesso.PRIMEIRO_ACESSO;
        a.ocorridoEm = em;
        a.origem = origem.codigo();
        a.eventoHotmartId = eventoId;
        a.registradoEm = agora;
        return a;
    }

    static AcessoLog moduloConcluido(Long matriculaId, Instant em, String moduloId, String moduloNome, Long eventoId,
                                     Instant agora) {
        AcessoLog a = new AcessoLog();
        a.matriculaId = matriculaId;
        a.tipo = TipoAcesso.MODULO_CONCLUIDO;
        a.ocorridoEm = em;
        a.moduloId = moduloId;
        a.moduloNome = moduloNome;
        a.eventoHotmartId = eventoId;
        a.registradoEm = agora;
        return a;
    }

    public Long getId() {
        return id;
    }

    public TipoAcesso getTipo() {
        return tipo;
    }

    public Instant getOcorridoEm() {
        return ocorridoEm;
    }

    public String getOrigem() {
        return origem;
    }

    public boolean isRobo() {
        return robo;
    }

    public String getModuloId() {
        return moduloId;
    }
}
