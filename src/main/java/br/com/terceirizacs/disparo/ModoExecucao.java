package br.com.terceirizacs.disparo;

/** Hybrid control: a person approves (default) or the rule fires on its own. */
public enum ModoExecucao {
    SUGERIR_APENAS,
    DISPARO_AUTOMATICO
}
