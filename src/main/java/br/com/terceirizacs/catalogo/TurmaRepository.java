package br.com.terceirizacs.catalogo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TurmaRepository extends JpaRepository<Turma, Long> {

    List<Turma> findByProdutoIdOrderByNomeAsc(Long produtoId);

    List<Turma> findByProdutoIdInOrderByNomeAsc(Collection<Long> produtoIds);

    List<Turma> findByProdutoIdAndTipo(Long produtoId, TipoTurma tipo);

    Optional<Turma> findByProdutoIdAndNome(Long produtoId, String nome);

    boolean existsByProdutoIdAndNome(Long produtoId, String nome);
}
