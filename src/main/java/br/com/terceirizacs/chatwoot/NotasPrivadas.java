package br.com.terceirizacs.chatwoot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.EventosDisparo;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.whatsapp.MensagemService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What we sent, visible to the producer's agents: each message sent to a student is mirrored as a <b>private note</b>
 * ("Enviado pela Terceiriza CS: …") in the student's most recent conversation of the producer's inbox, when the
 * producer's connection has {@code espelharNotas} on. Never an outgoing message: Chatwoot would send that again.
 * <p>
 * An outbox ({@code chatwoot_notas}, one row per queue row): the row is written by the listener of
 * {@link EventosDisparo.MensagemEnviada}, inside the transaction that marked the message sent, so it exists exactly
 * when the send is recorded. The WhatsApp send never waits for Chatwoot: a scheduled worker posts the notes later.
 * <p>
 * Guarantees of the worker:
 * <ul>
 *   <li>A row is worked on by one worker at a time: it is claimed with a conditional update that sets a lease
 *       ({@code reservada_ate}); an expired lease (a node that died) lets another claim it.</li>
 *   <li>Before posting, the row is committed as INCERTA; after Chatwoot's answer, as POSTADA. An INCERTA row met
 *       again (a crash, or a post that got no answer) is first looked for among the conversation's latest messages
 *       (a private note with the same text) and is only posted if it is not there. So a note is posted at most once
 *       after a success, with one honest exception: if the conversation received more than Chatwoot's page of
 *       messages (20) between the unanswered post and the check, a note that did arrive is not seen and is posted
 *       a second time.</li>
 *   <li>Chatwoot answering an error means nothing was posted: the row goes back to PENDENTE, retried with
 *       exponential back-off; account or data errors, or {@code notasMaxTentativas} attempts, end it FALHOU.</li>
 *   <li>A student without a conversation in the inbox gets no note (SEM_CONVERSA): the label step creates contacts,
 *       notes never do.</li>
 * </ul>
 */
@Service
class NotasPrivadas {

    static final String PREFIXO = "Enviado pela Terceiriza CS: ";
    private static final int LOTE = 20;
    private static final Duration ESPERA_MAXIMA = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(NotasPrivadas.class);

    private final JdbcClient jdbc;
    private final ConexoesChatwoot conexoes;
    private final ClienteChatwoot chatwoot;
    private final ContatoAlunoService contatos;
    private final EnvioDisparo envios;
    private final MensagemService mensagens;
    private final ChatwootProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    NotasPrivadas(JdbcClient jdbc, ConexoesChatwoot conexoes, ClienteChatwoot chatwoot, ContatoAlunoService contatos,
                  EnvioDisparo envios, MensagemService mensagens, ChatwootProperties props,
                  PlatformTransactionManager tm, Clock clock) {
        this.jdbc = jdbc;
        this.conexoes = conexoes;
        this.chatwoot = chatwoot;
        this.contatos = contatos;
        this.envios = envios;
        this.mensagens = mensagens;
        this.props = props;
        this.tx = new TransactionTemplate(tm);
        this.clock = clock;
    }

    /** In the sender's transaction: the outbox row, only for a producer whose Chatwoot mirrors notes. */
    @EventListener
    void mensagemEnviada(EventosDisparo.MensagemEnviada evento) {
        Long clienteId = contatos.destinatario(evento.matriculaId()).clienteId();
        if (conexoes.doCliente(clienteId).filter(ConexaoChatwoot::espelharNotas).isEmpty()) {
            return;
        }
        Instant agora = clock.instant();
        jdbc.sql("""
                        insert into chatwoot_notas (fila_id, matricula_id, cliente_id, estado, tentativas, proxima_em,
                            criado_em, atualizado_em)
                        select ?, ?, ?, 'PENDENTE', 0, ?, ?, ? where not exists
                          (select 1 from chatwoot_notas where fila_id = ?)""")
                .params(evento.filaId(), evento.matriculaId(), clienteId, Datas.utc(agora), Datas.utc(agora),
                        Datas.utc(agora), evento.filaId())
                .update();
    }

    @Scheduled(fixedDelayString = "${terceiriza.chatwoot.notas-intervalo:PT10S}", initialDelayString = "PT5S")
    void varrer() {
        try {
            processarDevidas();
        } catch (RuntimeException e) {
            log.warn("Falha ao processar notas privadas do Chatwoot: {}", e.getClass().getSimpleName());
        }
    }

    /** Claims and posts the due notes; returns how many this call worked on. */
    int processarDevidas() {
        Instant agora = clock.instant();
        List<Long> devidas = jdbc.sql("""
                        select fila_id from chatwoot_notas where estado in ('PENDENTE', 'INCERTA') and proxima_em <= ?
                          and (reservada_ate is null or reservada_ate < ?) order by proxima_em
                        fetch first %d rows only""".formatted(LOTE))
                .params(Datas.utc(agora), Datas.utc(agora)).query(Long.class).list();
        int feitas = 0;
        for (Long filaId : devidas) {
            String dono = UUID.randomUUID().toString();
            if (reservar(filaId, dono)) {
                processar(filaId, dono);
                feitas++;
            }
        }
        return feitas;
    }

    private boolean reservar(Long filaId, String dono) {
        Instant agora = clock.instant();
        return jdbc.sql("""
                        update chatwoot_notas set reservada_ate = ?, reservada_por = ?, tentativas = tentativas + 1,
                            atualizado_em = ?
                        where fila_id = ? and estado in ('PENDENTE', 'INCERTA') and proxima_em <= ?
                          and (reservada_ate is null or reservada_ate < ?)""")
                .params(Datas.utc(agora.plus(props.notasReserva())), dono, Datas.utc(agora), filaId, Datas.utc(agora),
                        Datas.utc(agora))
                .update() == 1;
    }

    private record Nota(Long matriculaId, Long clienteId, String estado, int tentativas) {
    }

    private void processar(Long filaId, String dono) {
        Nota nota = jdbc.sql("select matricula_id, cliente_id, estado, tentativas from chatwoot_notas where fila_id = ?")
                .param(filaId).query((rs, n) -> new Nota(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
                .single();
        Optional<ConexaoChatwoot> conexao = conexoes.doCliente(nota.clienteId()).filter(ConexaoChatwoot::espelharNotas);
        Optional<String> texto = envios.textoEnviado(filaId);
        Destinatario d = tx.execute(s -> contatos.destinatario(nota.matriculaId()));
        if (conexao.isEmpty() || texto.isEmpty() || !d.telefoneUtilizavel()) {
            encerrar(filaId, dono, "DESLIGADA", null, null, conexao.isEmpty()
                    ? "Chatwoot desconectado ou notas desligadas para o produtor" : "Sem texto enviado ou sem telefone");
            return;
        }
        ConexaoChatwoot c = conexao.get();
        String conteudo = PREFIXO + texto.get();
        boolean postando = false;
        try {
            String waId = mensagens.waIdDaFila(filaId).orElse(null);
            Optional<ChatwootApi.Conversa> conversa = chatwoot.buscarContato(c,
                            ClienteChatwoot.Numeros.de(d.telefoneE164(), waId))
                    .flatMap(contato -> chatwoot.conversaMaisRecente(c, contato.id()));
            if (conversa.isEmpty()) {
                encerrar(filaId, dono, "SEM_CONVERSA", null, null, "O aluno não tem conversa na caixa de entrada");
                return;
            }
            long conversaId = conversa.get().id();
            if ("INCERTA".equals(nota.estado())) {
                Optional<Long> existente = chatwoot.notaPrivadaExistente(c, conversaId, conteudo);
                if (existente.isPresent()) {
                    encerrar(filaId, dono, "POSTADA", conversaId, existente.get(), "Encontrada na conversa");
                    return;
                }
            }
            marcar(filaId, dono, "INCERTA", conversaId, "Postando");
            postando = true;
            long id = chatwoot.postarNotaPrivada(c, conversaId, conteudo);
            encerrar(filaId, dono, "POSTADA", conversaId, id, null);
        } catch (ErroChatwoot e) {
            adiar(filaId, dono, nota, e, postando && e.getStatusHttp() == 0);
        }
    }

    /** A failed attempt: INCERTA if the post may have arrived, PENDENTE if not; FALHOU when retrying cannot help. */
    private void adiar(Long filaId, String dono, Nota nota, ErroChatwoot e, boolean podeTerChegado) {
        boolean desiste = e.getClasse() != ClasseErroChatwoot.TRANSITORIO || nota.tentativas() >= props.notasMaxTentativas();
        if (desiste) {
            encerrar(filaId, dono, "FALHOU", null, null, e.getMessage());
            log.warn("Nota privada da fila {} não postada no Chatwoot: {}", filaId, e.getMessage());
            return;
        }
        boolean incerta = podeTerChegado || "INCERTA".equals(nota.estado()) && e.getStatusHttp() == 0;
        long segundos = Math.min(ESPERA_MAXIMA.toSeconds(), 30L << Math.min(10, Math.max(0, nota.tentativas() - 1)));
        Instant agora = clock.instant();
        jdbc.sql("""
                        update chatwoot_notas set estado = ?, proxima_em = ?, reservada_ate = null, reservada_por = null,
                            detalhe = ?, atualizado_em = ? where fila_id = ? and reservada_por = ?""")
                .params(incerta ? "INCERTA" : "PENDENTE", Datas.utc(agora.plusSeconds(segundos)), corte(e.getMessage()),
                        Datas.utc(agora), filaId, dono)
                .update();
    }

    private void marcar(Long filaId, String dono, String estado, Long conversaId, String detalhe) {
        jdbc.sql("""
                        update chatwoot_notas set estado = ?, conversa_id = ?, detalhe = ?, atualizado_em = ?
                        where fila_id = ? and reservada_por = ?""")
                .params(estado, conversaId, detalhe, Datas.utc(clock.instant()), filaId, dono).update();
    }

    private void encerrar(Long filaId, String dono, String estado, Long conversaId, Long mensagemId, String detalhe) {
        jdbc.sql("""
                        update chatwoot_notas set estado = ?, conversa_id = coalesce(?, conversa_id), mensagem_id = ?,
                            detalhe = ?, reservada_ate = null, reservada_por = null, atualizado_em = ?
                        where fila_id = ? and reservada_por = ?""")
                .params(estado, conversaId, mensagemId, corte(detalhe), Datas.utc(clock.instant()), filaId, dono)
                .update();
    }

    private static String corte(String texto) {
        return texto == null || texto.length() <= 500 ? texto : texto.substring(0, 500);
    }
}
