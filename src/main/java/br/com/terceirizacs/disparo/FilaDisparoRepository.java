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

    List<FilaDisparo> findByMatriculaIdAndStatusIn(Long matriculaId, Collection<StatusFila> status);

    List<FilaDisparo> findByMatriculaIdOrderByIdDesc(Long matriculaId);

    List<FilaDisparo> findByAlunoIdInAndStatusIn(Collection<Long> alunoIds, Collection<StatusFila> status);
}
