package br.com.terceirizacs.catalogo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProdutoRepository extends JpaRepository<Produto, Long> {

    Optional<Produto> findByClienteIdAndHotmartProductId(Long clienteId, Long hotmartProductId);

    List<Produto> findByClienteIdOrderByNomeAsc(Long clienteId);

    List<Produto> findByHotmartProductId(Long hotmartProductId);

    List<Produto> findByAtivoMonitoramentoTrue();
}
