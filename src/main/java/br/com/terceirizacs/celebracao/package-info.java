/**
 * Produto Progresso's congratulations: each completed module recorded once per enrolment, and the small rules that
 * decide whether (and with which template) a student is congratulated. The process {@code celebracao} (started by
 * {@code processo}) asks {@link CelebracaoService} and sends through {@code disparo}.
 */
package br.com.terceirizacs.celebracao;
