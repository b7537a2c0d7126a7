package br.com.terceirizacs.whatsapp;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MensagemRepository extends JpaRepository<Mensagem, Long> {

    Optional<Mensagem> findByChaveIdempotencia(String chave);

    Optional<Mensagem> findFirstByWamid(String wamid);

    @Query("""
            select count(m) from Mensagem m where m.alunoId = :alunoId and m.criadoEm >= :desde
              and m.filaDisparoId <> :exceto
              and m.status not in (br.com.terceirizacs.whatsapp.StatusMensagem.NOVA,
                                   br.com.terceirizacs.whatsapp.StatusMensagem.NAO_ENVIADA)""")
    long enviadasAoAlunoDesde(Long alunoId, Instant desde, Long exceto);
}
