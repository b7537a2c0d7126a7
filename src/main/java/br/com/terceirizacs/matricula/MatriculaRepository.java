package br.com.terceirizacs.matricula;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MatriculaRepository extends JpaRepository<Matricula, Long> {

    @Query("select m from Matricula m where m.alunoId = :alunoId and m.produtoId = :produtoId")
    Optional<Matricula> findByAlunoIdAndProdutoId(Long alunoId, Long produtoId);

    Optional<Matricula> findFirstByProdutoIdAndAssinanteCodigo(Long produtoId, String assinanteCodigo);

    @Query("select m from Matricula m where m.tokenLink = :tokenLink")
    Optional<Matricula> findByTokenLink(String tokenLink);

    List<Matricula> findByProdutoId(Long produtoId);

    List<Matricula> findByAlunoId(Long alunoId);

    List<Matricula> findTop500ByAlertaCsOrderByIdDesc(String alertaCs);

    List<Matricula> findTop500ByAlertaCsAndProdutoIdInOrderByIdDesc(String alertaCs, List<Long> produtos);

    @Query("select m from Matricula m, Aluno a where a.id = m.alunoId and a.email = :email and m.produtoId in :produtos")
    List<Matricula> porEmailEProdutos(String email, List<Long> produtos);
}
