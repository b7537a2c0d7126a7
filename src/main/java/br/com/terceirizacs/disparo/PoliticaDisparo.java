package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.StatusMatricula;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dispatch policy, in one place, checked when a message is suggested and again right before it is
 * sent. Quiet hours are not here: they delay a message, they do not cancel it.
 */
@Component
class PoliticaDisparo {

    private final FilaDisparoRepository filas;
    private final Clock clock;
    private final int limitePorAluno24h;

    PoliticaDisparo(FilaDisparoRepository filas, Clock clock,
                    @Value("${terceiriza.disparo.limite-por-aluno-24h:2}") int limitePorAluno24h) {
        this.filas = filas;
        this.clock = clock;
        this.limitePorAluno24h = limitePorAluno24h;
    }

    /** Why this message must not go, in pt-BR for CS; empty when it may. */
    Optional<String> bloqueio(FilaDisparo fila, Destinatario d, ProdutoResumo produto, RegraAutomacao regra) {
        if (!regra.isAtiva()) {
            return Optional.of("Regra \"" + regra.getNome() + "\" desativada");
        }
        if (!produto.ativoMonitoramento()) {
            return Optional.of("Produto fora do monitoramento");
        }
        if (d.status() != StatusMatricula.ATIVA) {
            return Optional.of("Matrícula " + d.status().name().toLowerCase().replace('_', ' '));
        }
        if (d.optOutEm() != null) {
            return Optional.of("Aluno pediu para não receber mensagens");
        }
        if (!d.telefoneUtilizavel()) {
            return Optional.of("Aluno sem telefone de WhatsApp válido");
        }
        if (fila.getTipoRegra() == TipoRegra.RESGATE_ACESSO && d.dataPrimeiroAcesso() != null) {
            return Optional.of("Aluno já acessou o curso");
        }
        if (fila.getTipoRegra() == TipoRegra.RESGATE_ACESSO && filas.findByMatriculaIdAndStatusIn(d.matriculaId(),
                java.util.EnumSet.of(StatusFila.PENDENTE, StatusFila.APROVADO)).stream()
                .anyMatch(f -> f.getTipoRegra() == TipoRegra.RESGATE_ACESSO && !f.getId().equals(fila.getId()))) {
            return Optional.of("Já existe um resgate em aberto para esta matrícula");
        }
        if (fila.getTipoRegra().sujeitaAoLimitePorAluno() && limitePorAluno24h > 0
                && filas.enviadasAoAlunoDesde(d.alunoId(), clock.instant().minus(Duration.ofHours(24)), fila.getId())
                >= limitePorAluno24h) {
            return Optional.of("Aluno já recebeu " + limitePorAluno24h + " mensagem(ns) nas últimas 24 h");
        }
        return Optional.empty();
    }
}
