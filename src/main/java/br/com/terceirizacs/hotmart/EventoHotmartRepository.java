package br.com.terceirizacs.hotmart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EventoHotmartRepository extends JpaRepository<EventoHotmart, Long> {

    /** Row lock: two nodes (or the hand-off and the sweeper) never process the same event at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from EventoHotmart e where e.id = :id")
    Optional<EventoHotmart> travar(Long id);

    @Query("""
            select e.id from EventoHotmart e
            where e.situacao = br.com.terceirizacs.hotmart.SituacaoEvento.PENDENTE
              and (e.proximaTentativaEm is null or e.proximaTentativaEm <= :agora)
              and e.recebidoEm <= :recebidoAte
            order by e.id""")
    List<Long> pendentes(Instant agora, Instant recebidoAte, Limit limite);

    @Query("""
            select e.id from EventoHotmart e
            where e.clienteId = :clienteId and e.produtoHotmartId = :produto and e.email = :email
              and e.situacao = br.com.terceirizacs.hotmart.SituacaoEvento.AGUARDANDO_COMPRA
            order by e.ocorridoEm, e.id""")
    List<Long> aguardandoCompra(Long clienteId, Long produto, String email);

    @Query("""
            select e.id from EventoHotmart e
            where e.situacao = br.com.terceirizacs.hotmart.SituacaoEvento.AGUARDANDO_COMPRA
              and e.processadoEm <= :processadoAte and e.recebidoEm >= :recebidoDesde
            order by e.id""")
    List<Long> aguardandoParaRevisar(Instant processadoAte, Instant recebidoDesde, Limit limite);

    List<EventoHotmart> findByHotmartEventIdOrderByIdDesc(String hotmartEventId);

    List<EventoHotmart> findByClienteIdAndTransacaoOrderByOcorridoEmAscIdAsc(Long clienteId, String transacao);
}
