package br.com.terceirizacs.matricula;

/** Whether we can reach a student on WhatsApp. */
public enum SituacaoTelefone {
    /** A valid mobile number in E.164. */
    VALIDO,
    /** Given, but not a valid mobile number (or Meta said it is not on WhatsApp): never guessed into one. */
    INVALIDO,
    /** No phone in the purchase. */
    AUSENTE
}
