package br.com.terceirizacs.celebracao;

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

/**
 * A completed module of an enrolment and what we did about it. Unique per (enrolment, module), and the day of a
 * congratulation is unique per student: both held by the database, not only checked.
 */
@Entity
@Table(name = "celebracoes")
class Celebracao {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "matricula_id")
    private Long matriculaId;

    @Column(name = "aluno_id")
    private Long alunoId;

    @Column(name = "produto_id")
    private Long produtoId;

    @Column(name = "turma_id")
    private Long turmaId;

    @Column(name = "modulo_id")
    private String moduloId;

    @Column(name = "ocorrido_em")
    private Instant ocorridoEm;

    @Column(name = "registrado_em")
    private Instant registradoEm;

    @Enumerated(EnumType.STRING)
    private SituacaoCelebracao situacao;

    private String motivo;
    private String template;

    @Column(name = "dia_parabens")
    private LocalDate diaParabens;

    @Column(name = "decidido_em")
    private Instant decididoEm;

    protected Celebracao() {
    }

    Celebracao(Long matriculaId, Long alunoId, Long produtoId, Long turmaId, String moduloId, Instant ocorridoEm,
               Instant agora) {
        this.matriculaId = matriculaId;
        this.alunoId = alunoId;
        this.produtoId = produtoId;
        this.turmaId = turmaId;
        this.moduloId = moduloId;
        this.ocorridoEm = ocorridoEm;
        this.registradoEm = agora;
        this.situacao = SituacaoCelebracao.AGUARDANDO;
    }

    void decidir(RegrasCelebracao.Decisao d, LocalDate hoje, Instant agora) {
        this.situacao = d.situacao();
        this.motivo = d.motivo();
        this.template = d.template();
        this.diaParabens = d.situacao() == SituacaoCelebracao.PARABENIZADA ? hoje : null;
        this.decididoEm = agora;
    }

    void cancelar(String motivo, Instant agora) {
        this.situacao = SituacaoCelebracao.CANCELADA;
        this.motivo = motivo;
        this.decididoEm = agora;
    }

    RegrasCelebracao.Decisao decisao() {
        return new RegrasCelebracao.Decisao(situacao, motivo, template);
    }

    Long getId() {
        return id;
    }

    Long getMatriculaId() {
        return matriculaId;
    }

    Long getAlunoId() {
        return alunoId;
    }

    Long getProdutoId() {
        return produtoId;
    }

    String getModuloId() {
        return moduloId;
    }

    Instant getOcorridoEm() {
        return ocorridoEm;
    }

    Instant getRegistradoEm() {
        return registradoEm;
    }

    SituacaoCelebracao getSituacao() {
        return situacao;
    }

    LocalDate getDiaParabens() {
        return diaParabens;
    }
}
