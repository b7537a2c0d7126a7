package br.com.terceirizacs.seguranca;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UsuarioClienteRepository extends JpaRepository<UsuarioCliente, Long> {

    Optional<UsuarioCliente> findByEmail(String email);

    boolean existsByEmail(String email);

    List<UsuarioCliente> findByClienteIdOrderByNomeAsc(Long clienteId);
}
