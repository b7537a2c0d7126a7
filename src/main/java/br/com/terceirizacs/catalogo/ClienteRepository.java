package br.com.terceirizacs.catalogo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClienteRepository extends JpaRepository<Cliente, Long> {

    Optional<Cliente> findBySlug(String slug);

    boolean existsBySlug(String slug);

    boolean existsByHottokHash(String hottokHash);

    List<Cliente> findAllByOrderByNomeAsc();
}
