package br.com.terceirizacs.whatsapp;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MensagemRepository extends JpaRepository<Mensagem, Long> {

    Optional<Mensagem> findByChaveIdempotencia(String chave);

    /** The row locked: claiming it for a send is serialised with every other writer of the row. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select m from Mensagem m where m.chaveIdempotencia = :chave")
    Optional<Mensagem> travarPorChave(String chave);

    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    Optional<Mensagem> findFirstByWamid(String wamid);

    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    Optional<Mensagem> findLockedById(Long id);

}
