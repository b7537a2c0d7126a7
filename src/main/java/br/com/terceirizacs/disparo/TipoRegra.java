package br.com.terceirizacs.disparo;

/** The automation rules of the product. */
public enum TipoRegra {
    /** Welcome after a purchase: answers the student's own act. */
    ONBOARDING(true, false, "Boas-vindas"),
    /** Rescue of buyers who have not accessed: we start the conversation. */
    RESGATE_ACESSO(false, true, "Resgate"),
    /** Re-engagement of students stuck in a module: we start the conversation. */
    ESTAGNACAO(false, true, "Reengajamento"),
    /** Congratulations on a completed module: answers the student's own act. */
    CELEBRACAO(true, false, "Parabéns");

    private final boolean automaticoPermitido;
    private final boolean respeitaJanela;
    private final String rotulo;

    TipoRegra(boolean automaticoPermitido, boolean respeitaJanela, String rotulo) {
        this.automaticoPermitido = automaticoPermitido;
        this.respeitaJanela = respeitaJanela;
        this.rotulo = rotulo;
    }

    /** Only answers to the student's own act may go out without a person approving them. */
    public boolean automaticoPermitido() {
        return automaticoPermitido;
    }

    /** Messages we start wait for the producer's sending window (quiet hours); answers do not. */
    public boolean respeitaJanela() {
        return respeitaJanela;
    }

    /**
     * The per-student cap of messages in 24 h holds for the messages we start. The welcome and the congratulation
     * answer the student's own act and are exempt: the congratulation has its own stricter limit (one per student and
     * day, held by the database), and counting it would let a module finished this morning silence a rescue or a
     * re-engagement that CS approved (those still count it among the messages sent).
     */
    public boolean sujeitaAoLimitePorAluno() {
        return this != ONBOARDING && this != CELEBRACAO;
    }

    public String rotulo() {
        return rotulo;
    }
}
