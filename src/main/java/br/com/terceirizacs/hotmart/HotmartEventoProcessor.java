package br.com.terceirizacs.hotmart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.comum.ConflitoException;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.matricula.Comprador;
import br.com.terceirizacs.matricula.Efeito;
import br.com.terceirizacs.matricula.EventoDeCompra;
import br.com.terceirizacs.matricula.MatriculaService;
import br.com.terceirizacs.matricula.StatusTransacao;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static br.com.terceirizacs.hotmart.Envelope.numero;
import static br.com.terceirizacs.hotmart.Envelope.texto;

/**
 * Applies one stored event to the domain, in one transaction with the event's new outcome. Routes on {@code event}.
 * The event row is locked first, so concurrent processors (threads or nodes) apply it once.
 * <p>
 * Over 250 lines: one routing table of every Hotmart event type to its domain call, with the outcome each can have;
 * each branch is a few lines and reads best next to the others.
 */
@Service
class HotmartEventoProcessor {

    private final EventoHotmartRepository eventos;
    private final CatalogoService catalogo;
    private final MatriculaService matriculas;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry metricas;
    private final org.springframework.context.ApplicationEventPublisher publicador;
    private final int maxTentativas;
    private final EventosDesconhecidos desconhecidos;

    HotmartEventoProcessor(EventoHotmartRepository eventos, CatalogoService catalogo, MatriculaService matriculas,
                           ObjectMapper mapper, Clock clock, MeterRegistry metricas,
                           org.springframework.context.ApplicationEventPublisher publicador,
                           @Value("${terceiriza.inbox.max-tentativas}") int maxTentativas,
                           EventosDesconhecidos desconhecidos) {
        this.desconhecidos = desconhecidos;
        this.publicador = publicador;
        this.eventos = eventos;
        this.catalogo = catalogo;
        this.matriculas = matriculas;
        this.mapper = mapper;
        this.clock = clock;
        this.metricas = metricas;
        this.maxTentativas = maxTentativas;
    }

    private record Desfecho(SituacaoEvento situacao, String detalhe, Efeito efeito) {
        static Desfecho de(SituacaoEvento situacao, String detalhe) {
            return new Desfecho(situacao, detalhe, null);
        }
    }

    /** Processes a pending event; returns false when there was nothing to do (already processed elsewhere). */
    @Transactional
    public boolean processar(Long id) {
        Optional<EventoHotmart> travado = eventos.travar(id);
        if (travado.isEmpty() || travado.get().getSituacao() != SituacaoEvento.PENDENTE) {
            return false;
        }
        aplicarEConcluir(travado.get());
        return true;
    }

    private void aplicarEConcluir(EventoHotmart evento) {
        Desfecho desfecho = aplicar(evento);
        evento.concluir(desfecho.situacao(), desfecho.detalhe(), clock.instant());
        metricas.counter("hotmart.eventos.processados", "situacao", desfecho.situacao().name()).increment();
        if (desfecho.efeito() != null && desfecho.efeito().matriculaNova()) {
            // Club or subscription events that arrived before this purchase: back to PENDENTE here, processed after
            // the commit, each in its own transaction (one bad event must not hold the purchase back).
            List<Long> reabertos = new java.util.ArrayList<>();
            for (Long pendente : eventos.aguardandoCompra(evento.getClienteId(), evento.getProdutoHotmartId(),
                    evento.getEmail())) {
                eventos.travar(pendente).filter(e -> e.getSituacao() == SituacaoEvento.AGUARDANDO_COMPRA)
                        .ifPresent(e -> {
                            e.reabrir();
                            reabertos.add(e.getId());
                        });
            }
            if (!reabertos.isEmpty()) {
                publicador.publishEvent(new EventosReabertos(reabertos));
            }
        }
    }

    /** Events put back to PENDENTE in a transaction; the dispatcher hands them off once it commits. */
    record EventosReabertos(List<Long> ids) {
    }

    /**
     * A club event and its purchase processed at the same moment cannot see each other's uncommitted rows, so the
     * club event may wait for a purchase that already exists. Waiting events of the last day are looked at again.
     */
    @Transactional
    public void revisarAguardando(Long id) {
        eventos.travar(id).filter(e -> e.getSituacao() == SituacaoEvento.AGUARDANDO_COMPRA)
                .ifPresent(this::aplicarEConcluir);
    }

    List<Long> aguardandoParaRevisar(int limite) {
        Instant agora = clock.instant();
        return eventos.aguardandoParaRevisar(agora.minusSeconds(60), agora.minus(Duration.ofDays(1)),
                org.springframework.data.domain.Limit.of(limite));
    }

    private Desfecho aplicar(EventoHotmart ev) {
        JsonNode raiz;
        try {
            raiz = mapper.readTree(ev.getPayload());
        } catch (JsonProcessingException e) {
            return Desfecho.de(SituacaoEvento.JSON_INVALIDO, Envelope.erroDeLeitura(e));
        }
        String tipo = ev.getEvento();
        JsonNode data = raiz.path("data");
        if (tipo != null && !TiposEvento.usado(tipo)) {
            if (!TiposEvento.conhecido(tipo)) {
                desconhecidos.registrar(ev);
                return Desfecho.de(SituacaoEvento.IGNORADO, "Tipo de evento desconhecido " + tipo
                        + "; guardado sem efeito");
            }
            return Desfecho.de(SituacaoEvento.IGNORADO, "Evento " + tipo + " não é usado pela automação; guardado");
        }
        Long produtoHotmart = ev.getProdutoHotmartId();
        if (tipo != null && produtoHotmart != null && produtoHotmart == 0L) {
            return Desfecho.de(SituacaoEvento.EVENTO_DE_TESTE, "Envio de teste do painel da Hotmart (produto 0)");
        }
        List<String> ausentes = camposAusentes(ev, data);
        if (!ausentes.isEmpty()) {
            return Desfecho.de(SituacaoEvento.CAMPOS_AUSENTES, (ausentes.size() == 1 ? "Campo obrigatório ausente: "
                    : "Campos obrigatórios ausentes: ") + String.join(", ", ausentes));
        }
        Optional<ProdutoResumo> produto = catalogo.produtoDoCliente(ev.getClienteId(), produtoHotmart);
        if (produto.isEmpty()) {
            return Desfecho.de(SituacaoEvento.PRODUTO_DESCONHECIDO,
                    "Produto " + produtoHotmart + " não cadastrado para este cliente; cadastre-o e reprocesse");
        }
        Long produtoId = produto.get().id();
        Instant quando = ev.getOcorridoEm() != null ? ev.getOcorridoEm() : ev.getRecebidoEm();

        Optional<StatusTransacao> statusCompra = TiposEvento.statusDeCompra(tipo);
        if (statusCompra.isPresent()) {
            return compra(ev, data, produtoId, statusCompra.get(), quando);
        }
        return switch (tipo) {
            case TiposEvento.CLUB_FIRST_ACCESS -> desfecho(matriculas.registrarPrimeiroAcesso(ev.getClienteId(),
                    produtoId, ev.getEmail(), quando, ev.getId()));
            case TiposEvento.CLUB_MODULE_COMPLETED -> desfecho(matriculas.registrarModuloConcluido(ev.getClienteId(),
                    produtoId, ev.getEmail(), texto(data.path("module").path("id")),
                    texto(data.path("module").path("name")), quando, ev.getId()));
            case TiposEvento.SUBSCRIPTION_CANCELLATION -> {
                Long proximaCobranca = numero(data.path("date_next_charge"));
                Long cancelamento = numero(data.path("cancellation_date"));
                yield desfecho(matriculas.cancelarAssinatura(ev.getClienteId(), produtoId,
                        texto(data.path("subscriber").path("code")), ev.getEmail(),
                        cancelamento != null ? Instant.ofEpochMilli(cancelamento) : quando,
                        proximaCobranca != null ? Instant.ofEpochMilli(proximaCobranca) : null));
            }
            default -> throw new IllegalStateException("evento sem rota: " + tipo);
        };
    }

    /**
     * Every field the event's type needs and lacks, all named at once (an operator fixes the sender once, not once per
     * field). Without {@code event} only the fields every type needs can be checked.
     */
    private static List<String> camposAusentes(EventoHotmart ev, JsonNode data) {
        List<String> ausentes = new java.util.ArrayList<>();
        String tipo = ev.getEvento();
        if (tipo == null) {
            ausentes.add("event");
        }
        if (ev.getProdutoHotmartId() == null) {
            ausentes.add("data.product.id");
        }
        if (tipo == null) {
            return ausentes;
        }
        if (TiposEvento.statusDeCompra(tipo).isPresent()) {
            exigir(ausentes, ev.getTransacao(), "data.purchase.transaction");
            exigir(ausentes, ev.getEmail(), "data.buyer.email");
        } else if (TiposEvento.CLUB_FIRST_ACCESS.equals(tipo)) {
            exigir(ausentes, ev.getEmail(), "data.user.email");
        } else if (TiposEvento.CLUB_MODULE_COMPLETED.equals(tipo)) {
            exigir(ausentes, ev.getEmail(), "data.user.email");
            exigir(ausentes, texto(data.path("module").path("id")), "data.module.id");
        } else if (TiposEvento.SUBSCRIPTION_CANCELLATION.equals(tipo)
                && texto(data.path("subscriber").path("code")) == null && ev.getEmail() == null) {
            ausentes.add("data.subscriber");
        }
        return ausentes;
    }

    private static void exigir(List<String> ausentes, String valor, String campo) {
        if (valor == null) {
            ausentes.add(campo);
        }
    }

    private Desfecho compra(EventoHotmart ev, JsonNode data, Long produtoId, StatusTransacao status, Instant quando) {
        JsonNode purchase = data.path("purchase");
        JsonNode buyer = data.path("buyer");
        catalogo.lembrarUcode(produtoId, texto(data.path("product").path("ucode")));
        String pais = Optional.ofNullable(texto(buyer.path("address").path("country_iso")))
                .orElse(texto(purchase.path("checkout_country").path("iso")));
        Integer recorrencia = Optional.ofNullable(numero(purchase.path("recurrence_number"))).map(Long::intValue).orElse(null);
        JsonNode preco = purchase.path("price");
        EventoDeCompra e = new EventoDeCompra(ev.getClienteId(), produtoId, ev.getTransacao(), status, quando,
                recorrencia, texto(purchase.path("offer").path("code")),
                preco.path("value").isNumber() ? preco.path("value").decimalValue() : (BigDecimal) null,
                texto(preco.path("currency_value")), instanteMs(purchase.path("order_date")),
                instanteMs(purchase.path("approved_date")), instanteIso(data.path("product").path("warranty_date")),
                texto(data.path("subscription").path("subscriber").path("code")),
                new Comprador(ev.getEmail(), texto(buyer.path("name")), texto(buyer.path("checkout_phone_code")),
                        texto(buyer.path("checkout_phone")), pais),
                ev.getId());
        return desfecho(matriculas.registrarEventoDeCompra(e));
    }

    private static Desfecho desfecho(Efeito efeito) {
        SituacaoEvento situacao = switch (efeito.resultado()) {
            case APLICADO -> SituacaoEvento.PROCESSADO;
            case SEM_EFEITO -> SituacaoEvento.SEM_EFEITO;
            case AGUARDANDO_COMPRA -> SituacaoEvento.AGUARDANDO_COMPRA;
        };
        return new Desfecho(situacao, efeito.detalhe(), efeito);
    }

    private static Instant instanteMs(JsonNode n) {
        Long ms = numero(n);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    private static Instant instanteIso(JsonNode n) {
        String t = texto(n);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A failed attempt: back off exponentially; after the last attempt the event waits for an operator. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void registrarFalha(Long id, Throwable causa) {
        eventos.findById(id).filter(e -> e.getSituacao() == SituacaoEvento.PENDENTE).ifPresent(e -> {
            int tentativas = e.getTentativas() + 1;
            String motivo = causa.getClass().getSimpleName() + ": " + causa.getMessage();
            if (tentativas >= maxTentativas) {
                e.registrarTentativa(tentativas, null);
                e.concluir(SituacaoEvento.ERRO, "Falhou " + tentativas + " vezes; última causa: " + motivo, clock.instant());
                metricas.counter("hotmart.eventos.processados", "situacao", SituacaoEvento.ERRO.name()).increment();
            } else {
                long segundos = Math.min(600, 1L << Math.min(tentativas, 10));
                e.registrarTentativa(tentativas, clock.instant().plus(Duration.ofSeconds(segundos)));
            }
        });
    }

    private static final java.util.Set<SituacaoEvento> REPROCESSAVEIS = java.util.EnumSet.of(
            SituacaoEvento.PRODUTO_DESCONHECIDO, SituacaoEvento.AGUARDANDO_COMPRA, SituacaoEvento.ERRO);

    /** An operator asks to process an event again (after registering its product, or after an error). */
    @Transactional
    public void reabrir(Long id) {
        EventoHotmart e = eventos.travar(id)
                .orElseThrow(() -> new NaoEncontradoException("Evento " + id + " não encontrado"));
        if (!REPROCESSAVEIS.contains(e.getSituacao())) {
            throw new ConflitoException("Evento em " + e.getSituacao() + " não pode ser reprocessado; apenas "
                    + REPROCESSAVEIS);
        }
        e.reabrir();
    }

    List<Long> pendentes(int limite) {
        Instant agora = clock.instant();
        return eventos.pendentes(agora, agora.minusSeconds(2), org.springframework.data.domain.Limit.of(limite));
    }
}
