package br.com.terceirizacs.catalogo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfertaRepository extends JpaRepository<Oferta, Long> {

    Optional<Oferta> findByProdutoIdAndCodigo(Long produtoId, String codigo);

    List<Oferta> findByTurmaId(Long turmaId);

    List<Oferta> findByTurmaIdIn(Collection<Long> turmaIds);
}
