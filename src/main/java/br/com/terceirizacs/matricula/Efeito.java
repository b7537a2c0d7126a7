package br.com.terceirizacs.matricula;

/** What an event did to the domain, with a pt-BR sentence for operators. */
public record Efeito(Resultado resultado, String detalhe, Long matriculaId, boolean matriculaNova) {

    public enum Resultado {
        /** The domain changed. */
        APLICADO,
        /** Understood and recorded, but nothing changed (e.g. a late approval of a refunded purchase). */
        SEM_EFEITO,
        /** Concerns a student or enrolment we do not know yet: kept and applied when the purchase arrives. */
        AGUARDANDO_COMPRA
    }

    static Efeito aplicado(String detalhe, Long matriculaId) {
        return new Efeito(Resultado.APLICADO, detalhe, matriculaId, false);
    }

    static Efeito semEfeito(String detalhe, Long matriculaId) {
        return new Efeito(Resultado.SEM_EFEITO, detalhe, matriculaId, false);
    }

    static Efeito aguardandoCompra(String detalhe) {
        return new Efeito(Resultado.AGUARDANDO_COMPRA, detalhe, null, false);
    }
}
