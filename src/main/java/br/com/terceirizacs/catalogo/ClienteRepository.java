package br.com.terceirizacs.catalogo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClienteRepository extends JpaRepository<Cliente, Long> {

    Optional<Cliente> findBySlug(String slug);

    @Query("select c from Cliente c where c.hottokHash = :hottokHash")
    Optional<Cliente> findByHottokHash(String hottokHash);

    boolean existsBySlug(String slug);

    boolean existsByHottokHash(String hottokHash);

    List<Cliente> findAllByOrderByNomeAsc();
}
