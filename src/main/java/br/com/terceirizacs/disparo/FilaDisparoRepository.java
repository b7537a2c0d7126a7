package br.com.terceirizacs.disparo;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FilaDisparoRepository extends JpaRepository<FilaDisparo, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from FilaDisparo f where f.id = :id")
    java.util.Optional<FilaDisparo> travar(Long id);

    @Query("select f.id from FilaDisparo f where f.processInstanceId = :processInstanceId")
    java.util.Optional<Long> idDoProcesso(String processInstanceId);

    List<FilaDisparo> findByMatriculaIdAndStatusIn(Long matriculaId, Collection<StatusFila> status);

    List<FilaDisparo> findByMatriculaIdOrderByIdDesc(Long matriculaId);

    /** Messages we started and sent to a student since a moment (the welcome, an answer, does not count). */
    @Query("""
            select count(f) from FilaDisparo f where f.alunoId = :alunoId and f.id <> :exceto
              and f.tipoRegra <> br.com.terceirizacs.disparo.TipoRegra.ONBOARDING
              and f.status = br.com.terceirizacs.disparo.StatusFila.ENVIADO and f.atualizadoEm >= :desde""")
    long enviadasAoAlunoDesde(Long alunoId, java.time.Instant desde, Long exceto);

    List<FilaDisparo> findByAlunoIdInAndStatusIn(Collection<Long> alunoIds, Collection<StatusFila> status);
}
