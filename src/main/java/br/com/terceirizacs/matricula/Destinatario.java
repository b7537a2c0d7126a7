package br.com.terceirizacs.matricula;

import java.time.Instant;

/** What the dispatch engine needs to know of an enrolment and its student, read fresh at every step. */
public record Destinatario(Long matriculaId, Long alunoId, Long clienteId, Long produtoId, String nome,
                           String telefoneE164, SituacaoTelefone telefoneSituacao, Instant optOutEm,
                           StatusMatricula status, String transacao, Instant dataCompra, Instant dataPrimeiroAcesso,
                           String moduloAtualNome, Instant ultimoProgressoEm, String tokenLink) {

    public String primeiroNome() {
        if (nome == null || nome.isBlank()) {
            return "aluno(a)";
        }
        return nome.trim().split("\\s+")[0];
    }

    public boolean telefoneUtilizavel() {
        return telefoneSituacao == SituacaoTelefone.VALIDO && telefoneE164 != null;
    }
}
