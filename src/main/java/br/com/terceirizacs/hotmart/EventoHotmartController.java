package br.com.terceirizacs.hotmart;

import java.time.Instant;
import java.util.List;

import br.com.terceirizacs.comum.NaoEncontradoException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/eventos-hotmart")
@Tag(name = "Eventos Hotmart", description = "O inbox: cada entrega recebida e o que foi feito dela")
class EventoHotmartController {

    private final EventoHotmartRepository eventos;
    private final HotmartEventoProcessor processor;
    private final InboxDespachante despachante;

    EventoHotmartController(EventoHotmartRepository eventos, HotmartEventoProcessor processor,
                            InboxDespachante despachante) {
        this.eventos = eventos;
        this.processor = processor;
        this.despachante = despachante;
    }

    record EventoResposta(Long id, String hotmartEventId, Long clienteId, String evento, String transacao,
                          Long produtoHotmartId, Instant ocorridoEm, Instant recebidoEm, SituacaoEvento situacao,
                          String detalhe, Long duplicadoDe, int tentativas, Instant processadoEm, int entregas,
                          Instant ultimaEntregaEm, String payload) {

        static EventoResposta de(EventoHotmart e) {
            return new EventoResposta(e.getId(), e.getHotmartEventId(), e.getClienteId(), e.getEvento(),
                    e.getTransacao(), e.getProdutoHotmartId(), e.getOcorridoEm(), e.getRecebidoEm(), e.getSituacao(),
                    e.getDetalhe(), e.getDuplicadoDe(), e.getTentativas(), e.getProcessadoEm(), e.getEntregas(),
                    e.getUltimaEntregaEm(), e.getPayload());
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Um evento pelo id da Hotmart (o 'id' do envelope) ou pelo id interno (numérico)")
    EventoResposta obter(@PathVariable String id) {
        return EventoResposta.de(buscar(id));
    }

    @GetMapping("/transacao/{clienteId}/{transacao}")
    @Operation(summary = "A história de uma transação: todos os eventos recebidos, em ordem de ocorrência")
    List<EventoResposta> daTransacao(@PathVariable Long clienteId, @PathVariable String transacao) {
        return eventos.findByClienteIdAndTransacaoOrderByOcorridoEmAscIdAsc(clienteId, transacao).stream()
                .map(EventoResposta::de).toList();
    }

    @PostMapping("/{id}/reprocessar")
    @Operation(summary = "Processa de novo um evento com produto desconhecido, aguardando compra ou com erro")
    ResponseEntity<EventoResposta> reprocessar(@PathVariable String id) {
        Long interno = buscar(id).getId();
        processor.reabrir(interno);
        despachante.processar(interno);
        return ResponseEntity.ok(EventoResposta.de(eventos.findById(interno).orElseThrow()));
    }

    private EventoHotmart buscar(String id) {
        List<EventoHotmart> porHotmart = eventos.findByHotmartEventIdOrderByIdDesc(id);
        if (!porHotmart.isEmpty()) {
            return porHotmart.get(0);
        }
        if (id.matches("\\d{1,18}")) {
            return eventos.findById(Long.parseLong(id))
                    .orElseThrow(() -> new NaoEncontradoException("Evento " + id + " não encontrado"));
        }
        throw new NaoEncontradoException("Evento " + id + " não encontrado");
    }
}
