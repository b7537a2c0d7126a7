package br.com.terceirizacs.seguranca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import br.com.terceirizacs.comum.Hashes;
import br.com.terceirizacs.comum.Mascara;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one login throttle of every way in: HTTP Basic on the API, the form at {@code /login} (producers and staff) and
 * the login of the Camunda webapps (Tasklist, Cockpit, Admin).
 * <p>
 * Failures are counted per account and per client address ({@code getRemoteAddr()}). The first
 * {@link LoginProperties#falhasLivres()} wrong passwords of an account in a row cost nothing; each further one makes
 * the account wait {@code espera-inicial × 2ⁿ}, capped at {@link LoginProperties#esperaMaxima()} (5 minutes by
 * default). An address is throttled the same way past {@link LoginProperties#falhasLivresPorEndereco()} failures.
 * While an account or an address waits, its attempts are refused before the password is looked at, and they are not
 * counted: the wait runs out {@code espera-maxima} after the last real failure at the latest, whatever an attacker
 * sends meanwhile, so nobody is ever locked out for good. A successful login clears its account's count (not the
 * address's: an attacker's own valid account must not reset the count of the address it guesses from); counts
 * nobody added to for {@link LoginProperties#esquecerApos()} are forgotten. The start-up sync of ADMIN_PASSWORD clears
 * the admin account and every address ({@link AdminUsuarioSincronizador}, docs/runbook.md).
 * <p>
 * Camunda's own lock ({@code login-max-attempts}: after 10 failures the user stays locked until an administrator
 * unlocks them) is turned off in application.yaml (attempts never reach the maximum, a delay of 0 s): it was the
 * permanent lock this class replaces, it refuses the right password during its delay without saying for how long,
 * and it knows nothing of addresses, producers or the other nodes' counts.
 * <p>
 * Failed and refused attempts are counted in {@code terceiriza.login.falhas} (tags {@code entrada} and
 * {@code motivo}); a WARN line, with the account masked, is written when an account or an address starts waiting,
 * not for every attempt.
 */
@Component
public class LimitadorLogin {

    /** Where an attempt came in: the {@code entrada} tag of the metrics. */
    enum Entrada {
        API, PAINEL, CAMUNDA;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String CONTA = "conta:";
    static final String ENDERECO = "endereco:";
    private static final int TAMANHO_MAXIMO_CHAVE = 100;
    private static final Logger log = LoggerFactory.getLogger(LimitadorLogin.class);

    private final LoginProperties regras;
    private final RegistroDeFalhas registro;
    private final MeterRegistry metricas;
    private volatile Clock relogio;

    LimitadorLogin(RegistroDeFalhas registro, LoginProperties regras, MeterRegistry metricas, Clock relogio) {
        this.regras = regras;
        this.registro = registro;
        this.metricas = metricas;
        this.relogio = relogio;
    }

    /**
     * How long this account or this address must still wait; {@link Duration#ZERO} when the attempt may go on to the
     * password check. A refused attempt is counted in the metrics.
     */
    Duration espera(String conta, String endereco, Entrada entrada) {
        Instant agora = relogio.instant();
        Duration espera = Duration.ZERO;
        for (RegistroDeFalhas.Falhas f : registro.ler(List.of(chaveConta(conta), chaveEndereco(endereco)))) {
            if (f.bloqueadaEm(agora)) {
                Duration resta = Duration.between(agora, f.bloqueadaAte());
                espera = resta.compareTo(espera) > 0 ? resta : espera;
            }
        }
        if (espera.compareTo(Duration.ZERO) > 0) {
            metricas.counter("terceiriza.login.falhas", "entrada", entrada.tag(), "motivo", "em-espera").increment();
        }
        return espera;
    }

    /** A wrong password (or an unknown account): counts it for the account and for the address. */
    void falhou(String conta, String endereco, Entrada entrada) {
        metricas.counter("terceiriza.login.falhas", "entrada", entrada.tag(), "motivo", "credenciais").increment();
        Instant agora = relogio.instant();
        RegistroDeFalhas.Falhas daConta = registro.atualizar(chaveConta(conta),
                anterior -> aposFalha(anterior, chaveConta(conta), regras.falhasLivres(), agora));
        RegistroDeFalhas.Falhas doEndereco = registro.atualizar(chaveEndereco(endereco),
                anterior -> aposFalha(anterior, chaveEndereco(endereco), regras.falhasLivresPorEndereco(), agora));
        if (daConta.bloqueadaEm(agora)) {
            log.warn("Login da conta {} em espera por {} s após {} senhas erradas seguidas (entrada {}, endereço {})",
                    Mascara.usuario(conta), Duration.between(agora, daConta.bloqueadaAte()).toSeconds(),
                    daConta.seguidas(), entrada.tag(), endereco);
        }
        if (doEndereco.bloqueadaEm(agora)) {
            log.warn("Login do endereço {} em espera por {} s após {} senhas erradas seguidas (entrada {}, conta {})",
                    endereco, Duration.between(agora, doEndereco.bloqueadaAte()).toSeconds(), doEndereco.seguidas(),
                    entrada.tag(), Mascara.usuario(conta));
        }
    }

    /** The right password: the account starts again with its free failures. */
    void entrou(String conta) {
        registro.apagar(chaveConta(conta));
    }

    /** Lifts the account's wait and forgets its failures (the start-up sync of the admin password). */
    void liberarConta(String conta) {
        registro.apagar(chaveConta(conta));
    }

    /** Lifts every address's wait and forgets their failures (the start-up sync of the admin password). */
    void liberarEnderecos() {
        registro.apagarComPrefixo(ENDERECO);
    }

    /** Keys nobody has failed with for {@code esquecer-apos} are dead weight: the next failure would start at 1. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void esquecerAntigas() {
        registro.apagarAntigas(relogio.instant().minus(regras.esquecerApos()));
    }

    /** The count after one more failure at {@code agora}; past the free ones, a wait that doubles up to the cap. */
    RegistroDeFalhas.Falhas aposFalha(RegistroDeFalhas.Falhas anterior, String chave, int livres, Instant agora) {
        boolean esquecida = anterior == null || !anterior.ultimaFalha().plus(regras.esquecerApos()).isAfter(agora);
        int seguidas = esquecida ? 1 : anterior.seguidas() + 1;
        Instant ate = seguidas > livres ? agora.plus(espera(seguidas - livres)) : null;
        return new RegistroDeFalhas.Falhas(chave, seguidas, agora, ate);
    }

    /** The wait after the n-th failure past the free ones (n ≥ 1): espera-inicial × 2ⁿ⁻¹, at most espera-maxima. */
    Duration espera(int excedentes) {
        Duration espera = regras.esperaInicial().multipliedBy(1L << Math.min(excedentes - 1, 30));
        return espera.compareTo(regras.esperaMaxima()) > 0 ? regras.esperaMaxima() : espera;
    }

    /** Tests move time forward with this (the Spring context is shared, so the clock bean cannot be swapped). */
    void usarRelogio(Clock relogio) {
        this.relogio = relogio;
    }

    Clock relogio() {
        return relogio;
    }

    /** Case-insensitive (so {@code Admin} and {@code admin} share one count); very long names are hashed. */
    static String chaveConta(String conta) {
        String normalizada = conta == null ? "" : conta.strip().toLowerCase(Locale.ROOT);
        return normalizada.length() + CONTA.length() > TAMANHO_MAXIMO_CHAVE
                ? CONTA + "#" + Hashes.sha256(normalizada) : CONTA + normalizada;
    }

    static String chaveEndereco(String endereco) {
        String e = endereco == null ? "desconhecido" : endereco;
        return e.length() + ENDERECO.length() > TAMANHO_MAXIMO_CHAVE ? ENDERECO + "#" + Hashes.sha256(e) : ENDERECO + e;
    }

    /** "30 segundos", "1 minuto", "5 minutos": a wait as the login pages say it (rounded up). */
    public static String textoEspera(Duration espera) {
        long segundos = Math.max(1, (espera.toMillis() + 999) / 1000);
        if (segundos < 60) {
            return segundos == 1 ? "1 segundo" : segundos + " segundos";
        }
        long minutos = (segundos + 59) / 60;
        return minutos == 1 ? "1 minuto" : minutos + " minutos";
    }
}
