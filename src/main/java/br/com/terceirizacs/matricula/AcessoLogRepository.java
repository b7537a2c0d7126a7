package br.com.terceirizacs.matricula;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AcessoLogRepository extends JpaRepository<AcessoLog, Long> {

    boolean existsByMatriculaIdAndTipoAndRoboFalseAndOcorridoEmBetween(Long matriculaId, TipoAcesso tipo, Instant de,
                                                                        Instant ate);

    List<AcessoLog> findByMatriculaIdOrderByOcorridoEmAsc(Long matriculaId);
}
