package br.com.terceirizacs.whatsapp;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MensagemRepository extends JpaRepository<Mensagem, Long> {

    @Query("select m from Mensagem m where m.chaveIdempotencia = :chave")
    Optional<Mensagem> findByChaveIdempotencia(String chave);

    /** The row locked: claiming it for a send is serialised with every other writer of the row. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Mensagem m where m.chaveIdempotencia = :chave")
    Optional<Mensagem> travarPorChave(String chave);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Mensagem> findFirstByWamid(String wamid);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Mensagem m where m.id = :id")
    Optional<Mensagem> findLockedById(Long id);

}
