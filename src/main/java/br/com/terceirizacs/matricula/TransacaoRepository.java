package br.com.terceirizacs.matricula;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TransacaoRepository extends JpaRepository<Transacao, Long> {

    Optional<Transacao> findByClienteIdAndCodigo(Long clienteId, String codigo);
}
