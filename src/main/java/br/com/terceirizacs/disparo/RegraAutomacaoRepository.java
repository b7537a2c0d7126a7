package br.com.terceirizacs.disparo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegraAutomacaoRepository extends JpaRepository<RegraAutomacao, Long> {

    @Query("select r from RegraAutomacao r where r.chave = :chave")
    Optional<RegraAutomacao> findByChave(String chave);

    List<RegraAutomacao> findAllByOrderByTipoAscProdutoIdAsc();
}
