package br.com.terceirizacs.chatwoot;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import br.com.terceirizacs.comum.Datas;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of label requests, one row per (enrolment, label) with its latest state ({@code chatwoot_etiquetas}).
 * Each change commits on its own: a failing process step (rolled back, retried by Camunda) still leaves what it
 * met for the operator to see.
 */
@Component
class RegistroEtiquetas {

    private final JdbcClient jdbc;
    private final TransactionTemplate novaTx;
    private final Clock clock;

    RegistroEtiquetas(JdbcClient jdbc, PlatformTransactionManager tm, Clock clock) {
        this.jdbc = jdbc;
        this.novaTx = new TransactionTemplate(tm);
        this.novaTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A row as the admin API shows it. */
    record Linha(Long matriculaId, String etiqueta, EstadoEtiqueta estado, String alvo, Long contatoId,
                 Long conversaId, int tentativas, String detalhe, OffsetDateTime atualizadoEm,
                 OffsetDateTime aplicadaEm) {
    }

    /** A new attempt starts: PENDENTE until it ends, with the attempt counted. */
    void tentativa(Long matriculaId, String etiqueta, Long filaId) {
        gravar(matriculaId, etiqueta, filaId, EstadoEtiqueta.PENDENTE, null, null, null, null, true);
    }

    void registrar(Long matriculaId, String etiqueta, Long filaId, EstadoEtiqueta estado, String detalhe) {
        gravar(matriculaId, etiqueta, filaId, estado, null, null, null, detalhe, false);
    }

    void aplicada(Long matriculaId, String etiqueta, Long filaId, String alvo, Long contatoId, Long conversaId,
                  String detalhe) {
        gravar(matriculaId, etiqueta, filaId, EstadoEtiqueta.APLICADA, alvo, contatoId, conversaId, detalhe, false);
    }

    List<Linha> daMatricula(Long matriculaId) {
        return jdbc.sql("""
                        select matricula_id, etiqueta, estado, alvo, contato_id, conversa_id, tentativas, detalhe,
                               atualizado_em, aplicada_em
                        from chatwoot_etiquetas where matricula_id = ? order by etiqueta""")
                .param(matriculaId)
                .query((rs, n) -> new Linha(rs.getLong(1), rs.getString(2), EstadoEtiqueta.valueOf(rs.getString(3)),
                        rs.getString(4), (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class),
                        rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class)))
                .list();
    }

    private void gravar(Long matriculaId, String etiqueta, Long filaId, EstadoEtiqueta estado, String alvo,
                        Long contatoId, Long conversaId, String detalhe, boolean novaTentativa) {
        OffsetDateTime agora = Datas.utc(clock.instant());
        OffsetDateTime aplicadaEm = estado == EstadoEtiqueta.APLICADA ? agora : null;
        String texto = detalhe == null || detalhe.length() <= 500 ? detalhe : detalhe.substring(0, 500);
        int incremento = novaTentativa ? 1 : 0;
        for (int vez = 0; vez < 2; vez++) {
            try {
                novaTx.executeWithoutResult(s -> {
                    int alteradas = jdbc.sql("""
                                    update chatwoot_etiquetas set estado = ?, fila_id = coalesce(?, fila_id),
                                        alvo = coalesce(?, alvo), contato_id = coalesce(?, contato_id),
                                        conversa_id = coalesce(?, conversa_id), tentativas = tentativas + ?,
                                        detalhe = ?, atualizado_em = ?, aplicada_em = coalesce(?, aplicada_em)
                                    where matricula_id = ? and etiqueta = ?""")
                            .params(estado.name(), filaId, alvo, contatoId, conversaId, incremento, texto, agora,
                                    aplicadaEm, matriculaId, etiqueta)
                            .update();
                    if (alteradas == 0) {
                        jdbc.sql("""
                                        insert into chatwoot_etiquetas (matricula_id, etiqueta, estado, fila_id, alvo,
                                            contato_id, conversa_id, tentativas, detalhe, criado_em, atualizado_em,
                                            aplicada_em) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                                .params(matriculaId, etiqueta, estado.name(), filaId, alvo, contatoId, conversaId,
                                        incremento, texto, agora, agora, aplicadaEm)
                                .update();
                    }
                });
                return;
            } catch (DuplicateKeyException e) {
                // another request of the same label inserted the row at the same moment: update it instead
            }
        }
    }
}
