package br.com.terceirizacs.celebracao;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CelebracaoRepository extends JpaRepository<Celebracao, Long> {

    @Query("select c from Celebracao c where c.matriculaId = :matriculaId and c.moduloId = :moduloId")
    Optional<Celebracao> daMatriculaEModulo(Long matriculaId, String moduloId);

    @Query("select c from Celebracao c where c.matriculaId = :matriculaId")
    List<Celebracao> daMatricula(Long matriculaId);

    @Query("select count(c) > 0 from Celebracao c where c.alunoId = :alunoId and c.diaParabens = :dia")
    boolean parabenizadoNoDia(Long alunoId, LocalDate dia);

    @Query("select c from Celebracao c where c.matriculaId in :matriculaIds and c.situacao = br.com.terceirizacs.celebracao.SituacaoCelebracao.AGUARDANDO")
    List<Celebracao> abertasDasMatriculas(Collection<Long> matriculaIds);

    @Query("select c from Celebracao c where c.alunoId in :alunoIds and c.situacao = br.com.terceirizacs.celebracao.SituacaoCelebracao.AGUARDANDO")
    List<Celebracao> abertasDosAlunos(Collection<Long> alunoIds);
}
