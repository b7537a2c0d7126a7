package br.com.terceirizacs.seguranca;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import br.com.terceirizacs.comum.Datas;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RegistroDeFalhas} in table {@code tentativas_login}. A count is read with {@code select ... for update} and
 * written in the same transaction, so two nodes counting failures of one account at once do not lose one; the first
 * failure of a key inserts its row, and an insert that loses the race to another node's is retried as an update.
 */
@Component
class RegistroDeFalhasJdbc implements RegistroDeFalhas {

    private static final String COLUNAS = "chave, seguidas, ultima_falha, bloqueada_ate";

    private final JdbcClient jdbc;
    private final TransactionTemplate transacao;

    RegistroDeFalhasJdbc(JdbcClient jdbc, PlatformTransactionManager transacoes) {
        this.jdbc = jdbc;
        this.transacao = new TransactionTemplate(transacoes);
        this.transacao.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public List<Falhas> ler(Collection<String> chaves) {
        return jdbc.sql("select " + COLUNAS + " from tentativas_login where chave in (:chaves)")
                .param("chaves", chaves)
                .query(RegistroDeFalhasJdbc::falhas)
                .list();
    }

    @Override
    public Falhas atualizar(String chave, UnaryOperator<Falhas> regra) {
        try {
            return transacao.execute(tx -> atualizarNaTransacao(chave, regra));
        } catch (DuplicateKeyException outroNoInseriuAntes) {
            return transacao.execute(tx -> atualizarNaTransacao(chave, regra));
        }
    }

    private Falhas atualizarNaTransacao(String chave, UnaryOperator<Falhas> regra) {
        Optional<Falhas> atual = jdbc.sql("select " + COLUNAS + " from tentativas_login where chave = ? for update")
                .param(chave)
                .query(RegistroDeFalhasJdbc::falhas)
                .optional();
        Falhas nova = regra.apply(atual.orElse(null));
        String sql = atual.isPresent()
                ? "update tentativas_login set seguidas = ?, ultima_falha = ?, bloqueada_ate = ? where chave = ?"
                : "insert into tentativas_login (seguidas, ultima_falha, bloqueada_ate, chave) values (?, ?, ?, ?)";
        jdbc.sql(sql).params(nova.seguidas(), Datas.utc(nova.ultimaFalha()), Datas.utc(nova.bloqueadaAte()), chave)
                .update();
        return nova;
    }

    @Override
    public void apagar(String chave) {
        jdbc.sql("delete from tentativas_login where chave = ?").param(chave).update();
    }

    @Override
    public void apagarComPrefixo(String prefixo) {
        jdbc.sql("delete from tentativas_login where chave like ?").param(prefixo + "%").update();
    }

    @Override
    public int apagarAntigas(Instant limite) {
        return jdbc.sql("""
                        delete from tentativas_login where ultima_falha < :limite
                        and (bloqueada_ate is null or bloqueada_ate < :limite)""")
                .param("limite", Datas.utc(limite)).update();
    }

    private static Falhas falhas(ResultSet rs, int linha) throws SQLException {
        return new Falhas(rs.getString(1), rs.getInt(2), instante(rs.getObject(3, OffsetDateTime.class)),
                instante(rs.getObject(4, OffsetDateTime.class)));
    }

    private static Instant instante(OffsetDateTime valor) {
        return valor == null ? null : valor.toInstant();
    }
}
