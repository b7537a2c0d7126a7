package br.com.terceirizacs.whatsapp;

/** What became of a send. Transient failures are not results: they are thrown, so the job retries. */
public record ResultadoEnvio(Situacao situacao, Long mensagemId, String wamid, Integer erroCodigo, String detalhe) {

    public enum Situacao {
        /** Accepted by Meta (or already accepted by an earlier attempt). */
        ENVIADA,
        /** Dry-run: recorded, not sent. */
        SIMULADA,
        /** Meta refused it for good; the reason is in {@code detalhe}. */
        FALHOU,
        /** The request may have left and we do not know the answer. */
        INCERTA
    }
}
