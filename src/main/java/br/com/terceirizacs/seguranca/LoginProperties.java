package br.com.terceirizacs.seguranca;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code terceiriza.login.*}: the login throttle of {@link LimitadorLogin}.
 *
 * @param falhasLivres            wrong passwords in a row an account may make before it has to wait
 * @param falhasLivresPorEndereco wrong passwords a client address may make (any accounts) before it has to wait;
 *                                higher, since an office or a mobile carrier puts many people behind one address
 * @param esperaInicial           the first wait; each further failure doubles it
 * @param esperaMaxima            the longest wait: an account or address is never refused for longer than this after
 *                                its last failure (no permanent lock)
 * @param esquecerApos            failures older than this (counted from the last one) are forgotten
 */
@ConfigurationProperties("terceiriza.login")
public record LoginProperties(
        @DefaultValue("5") int falhasLivres,
        @DefaultValue("20") int falhasLivresPorEndereco,
        @DefaultValue("PT1S") Duration esperaInicial,
        @DefaultValue("PT5M") Duration esperaMaxima,
        @DefaultValue("PT1H") Duration esquecerApos) {

    public LoginProperties {
        if (falhasLivres < 0 || falhasLivresPorEndereco < 0) {
            throw new IllegalArgumentException("terceiriza.login.falhas-livres* não pode ser negativo");
        }
        if (esperaInicial.compareTo(Duration.ZERO) <= 0 || esperaMaxima.compareTo(esperaInicial) < 0) {
            throw new IllegalArgumentException(
                    "terceiriza.login.espera-inicial precisa ser positiva e no máximo terceiriza.login.espera-maxima");
        }
        if (esquecerApos.compareTo(esperaMaxima) < 0) {
            throw new IllegalArgumentException(
                    "terceiriza.login.esquecer-apos precisa ser ao menos terceiriza.login.espera-maxima");
        }
    }
}
