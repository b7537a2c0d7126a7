package br.com.terceirizacs.chatwoot;

import java.time.Clock;
import java.util.function.Supplier;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Hashes;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises our writes to one Chatwoot label list (a conversation's or a contact's) across every node: the work
 * runs inside a transaction of its own that holds the row lock ({@code select … for update}) of that list's row in
 * {@code chatwoot_travas}. A second writer of the same list, on this node or another, waits for the first to commit;
 * writers of different lists never wait on each other. A JVM lock would serialise one node only.
 * <p>
 * The key is a hash of the account and the list, so neither a base URL nor an id is stored. Waiting is bounded by
 * {@code esperaTrava} (H2 gives up on a lock after about a second, so the wait is a loop of short tries): past it
 * the caller fails with a transient error and is retried later. A lock wait that fails this way rolls back only
 * the lock's own transaction, and the work (a read-merge-write) is safe to run again.
 */
@Component
class TravaConversa {

    private final JdbcClient jdbc;
    private final TransactionTemplate novaTx;
    private final ChatwootProperties props;
    private final Clock clock;

    TravaConversa(JdbcClient jdbc, PlatformTransactionManager tm, ChatwootProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.novaTx = new TransactionTemplate(tm);
        this.novaTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.props = props;
        this.clock = clock;
    }

    static String chave(ConexaoChatwoot conexao, String tipo, long id) {
        return Hashes.sha256(conexao.chaveConta() + "|" + tipo + "|" + id);
    }

    <T> T comTrava(String chave, Supplier<T> trabalho) {
        garantirLinha(chave);
        long limite = System.nanoTime() + props.esperaTrava().toNanos();
        while (true) {
            try {
                return novaTx.execute(s -> {
                    jdbc.sql("select chave from chatwoot_travas where chave = ? for update").param(chave)
                            .query(String.class).single();
                    return trabalho.get();
                });
            } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
                // H2 gives up on a row lock after about a second (QueryTimeoutException); PostgreSQL with a
                // lock_timeout says CannotAcquireLockException: either way the other writer still holds it
                if (System.nanoTime() > limite) {
                    throw new ErroChatwoot(0, "Outra gravação de etiquetas na mesma conversa demorou demais", e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException i) {
                    Thread.currentThread().interrupt();
                    throw new ErroChatwoot(0, "Interrompido esperando outra gravação de etiquetas", i);
                }
            }
        }
    }

    /** The lock row, created once; two creators race on the primary key and the loser finds it there. */
    private void garantirLinha(String chave) {
        try {
            novaTx.executeWithoutResult(s -> jdbc.sql("""
                            insert into chatwoot_travas (chave, criada_em)
                            select ?, ? where not exists (select 1 from chatwoot_travas where chave = ?)""")
                    .params(chave, Datas.utc(clock.instant()), chave).update());
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            // created by another writer at the same moment
        }
    }
}
