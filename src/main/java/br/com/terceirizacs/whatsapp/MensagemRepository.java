package br.com.terceirizacs.whatsapp;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MensagemRepository extends JpaRepository<Mensagem, Long> {

    Optional<Mensagem> findByChaveIdempotencia(String chave);

    Optional<Mensagem> findFirstByWamid(String wamid);

}
