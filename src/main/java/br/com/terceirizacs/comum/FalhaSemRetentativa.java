package br.com.terceirizacs.comum;

/**
 * Marks failures that retrying cannot fix: the job that meets one becomes an incident at once, with a message an
 * operator understands, instead of burning its retries.
 */
public interface FalhaSemRetentativa {
}
