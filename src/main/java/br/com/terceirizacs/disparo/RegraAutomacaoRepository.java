package br.com.terceirizacs.disparo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegraAutomacaoRepository extends JpaRepository<RegraAutomacao, Long> {

    Optional<RegraAutomacao> findByChave(String chave);

    List<RegraAutomacao> findAllByOrderByTipoAscProdutoIdAsc();
}
