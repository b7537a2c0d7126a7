package br.com.terceirizacs.catalogo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProdutoRepository extends JpaRepository<Produto, Long> {

    @Query("select p from Produto p where p.clienteId = :clienteId and p.hotmartProductId = :hotmartProductId")
    Optional<Produto> findByClienteIdAndHotmartProductId(Long clienteId, Long hotmartProductId);

    List<Produto> findByClienteIdOrderByNomeAsc(Long clienteId);

    List<Produto> findByHotmartProductId(Long hotmartProductId);

    List<Produto> findByAtivoMonitoramentoTrue();
}
