package br.com.terceirizacs.matricula;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TransacaoRepository extends JpaRepository<Transacao, Long> {

    @Query("select t from Transacao t where t.clienteId = :clienteId and t.codigo = :codigo")
    Optional<Transacao> findByClienteIdAndCodigo(Long clienteId, String codigo);
}
