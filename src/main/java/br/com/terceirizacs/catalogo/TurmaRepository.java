package br.com.terceirizacs.catalogo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TurmaRepository extends JpaRepository<Turma, Long> {

    List<Turma> findByProdutoIdOrderByNomeAsc(Long produtoId);

    List<Turma> findByProdutoIdInOrderByNomeAsc(Collection<Long> produtoIds);

    @Query("select t from Turma t where t.produtoId = :produtoId and t.tipo = :tipo")
    List<Turma> findByProdutoIdAndTipo(Long produtoId, TipoTurma tipo);

    @Query("select t from Turma t where t.produtoId = :produtoId and t.nome = :nome")
    Optional<Turma> findByProdutoIdAndNome(Long produtoId, String nome);

    boolean existsByProdutoIdAndNome(Long produtoId, String nome);
}
