package br.com.terceirizacs.catalogo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OfertaRepository extends JpaRepository<Oferta, Long> {

    @Query("select o from Oferta o where o.produtoId = :produtoId and o.codigo = :codigo")
    Optional<Oferta> findByProdutoIdAndCodigo(Long produtoId, String codigo);

    List<Oferta> findByTurmaId(Long turmaId);

    List<Oferta> findByTurmaIdIn(Collection<Long> turmaIds);
}
