package br.com.terceirizacs.bi;

import java.util.Map;
import java.util.TreeMap;

/**
 * A histogram of the time from purchase to first access, in the bands of {@code painel_atrasos}: 1 minute wide below
 * 1 hour, 5 minutes below 24 hours, 1 hour below 30 days, 1 day beyond (band = its lower bound in minutes).
 * Each value stands for the middle of its band, and the median of those is taken as {@code percentile_cont(0.5)}
 * takes it (the mean of the two middle values when there is an even number); so it is off by at most half a band:
 * 30 s in the first hour, 2.5 min within a day, 30 min within a month.
 */
final class Faixas {

    private final TreeMap<Integer, Long> quantidades = new TreeMap<>();
    private long total;

    void somar(int faixa, long quantidade) {
        quantidades.merge(faixa, quantidade, Long::sum);
        total += quantidade;
    }

    /** Adds another histogram to this one (histograms of turmas add up to the recorte's). */
    Faixas somar(Faixas outra) {
        outra.quantidades.forEach(this::somar);
        return this;
    }

    static int largura(int faixa) {
        if (faixa < 60) {
            return 1;
        }
        if (faixa < 24 * 60) {
            return 5;
        }
        if (faixa < 30 * 24 * 60) {
            return 60;
        }
        return 24 * 60;
    }

    Double medianaEmSegundos() {
        if (total == 0) {
            return null;
        }
        double posicao = (total - 1) / 2.0;      // 0-based rank, as percentile_cont(0.5)
        long baixo = (long) Math.floor(posicao);
        long alto = (long) Math.ceil(posicao);
        double a = valor(baixo);
        double b = valor(alto);
        return (a + (b - a) * (posicao - baixo)) * 60.0;
    }

    /** The value (minutes) of the k-th smallest: the middle of its band. */
    private double valor(long k) {
        long antes = 0;
        for (Map.Entry<Integer, Long> faixa : quantidades.entrySet()) {
            long n = faixa.getValue();
            if (k < antes + n) {
                return faixa.getKey() + largura(faixa.getKey()) / 2.0;
            }
            antes += n;
        }
        throw new IllegalStateException("posição fora do histograma");
    }
}
