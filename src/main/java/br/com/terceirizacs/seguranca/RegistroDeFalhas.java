package br.com.terceirizacs.seguranca;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/** Where {@link LimitadorLogin} keeps its counts: a table shared by the cluster in production, a map in unit tests. */
interface RegistroDeFalhas {

    /**
     * The failures counted for one key ({@code conta:...} or {@code endereco:...}).
     *
     * @param seguidas     failures in a row (a success or {@link LoginProperties#esquecerApos()} resets them)
     * @param bloqueadaAte the key may not try again before this instant; null when it may
     */
    record Falhas(String chave, int seguidas, Instant ultimaFalha, Instant bloqueadaAte) {

        boolean bloqueadaEm(Instant agora) {
            return bloqueadaAte != null && bloqueadaAte.isAfter(agora);
        }
    }

    List<Falhas> ler(Collection<String> chaves);

    /** Replaces the key's failures by {@code regra} applied to them (null when there are none), atomically. */
    Falhas atualizar(String chave, UnaryOperator<Falhas> regra);

    void apagar(String chave);

    void apagarComPrefixo(String prefixo);

    /** Drops keys whose last failure is older than {@code limite} and that are not blocked any more. */
    int apagarAntigas(Instant limite);
}
