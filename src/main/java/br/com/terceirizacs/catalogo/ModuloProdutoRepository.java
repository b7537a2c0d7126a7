package br.com.terceirizacs.catalogo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ModuloProdutoRepository extends JpaRepository<ModuloProduto, Long> {

    @Query("select m from ModuloProduto m where m.produtoId = :produtoId order by m.ordem, m.id")
    List<ModuloProduto> doProduto(Long produtoId);

    @Query("select m from ModuloProduto m where m.produtoId = :produtoId and m.moduloId = :moduloId")
    Optional<ModuloProduto> doProdutoEModulo(Long produtoId, String moduloId);

    @Query("select coalesce(max(m.ordem), 0) from ModuloProduto m where m.produtoId = :produtoId")
    int maiorOrdem(Long produtoId);
}
