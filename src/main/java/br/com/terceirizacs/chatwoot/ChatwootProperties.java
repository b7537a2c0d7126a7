package br.com.terceirizacs.chatwoot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code terceiriza.chatwoot.*}: how we call the producers' Chatwoot (the connection of each producer is data, see
 * {@link ConexoesChatwoot}).
 *
 * @param buscasPorMinuto     contact searches per minute per account; Chatwoot allows 100 (rack-attack), the agents'
 *                            own screens search too, so we keep a margin
 * @param esperaMaximaBusca   how long a search waits for its slot before the step is retried later
 * @param confirmacoes        read-merge-write rounds before a label that keeps disappearing is retried later
 * @param esperaTrava         how long a label write waits for another node's write on the same conversation
 * @param notasIntervalo      how often the private-note worker looks for due notes
 * @param notasReserva        the lease of a claimed note (longer than one post with its timeouts)
 * @param notasMaxTentativas  attempts of a note before it is given up (FALHOU)
 */
@ConfigurationProperties("terceiriza.chatwoot")
public record ChatwootProperties(
        @DefaultValue("PT2S") Duration timeoutConexao,
        @DefaultValue("PT10S") Duration timeoutLeitura,
        @DefaultValue("80") int buscasPorMinuto,
        @DefaultValue("PT20S") Duration esperaMaximaBusca,
        @DefaultValue("3") int confirmacoes,
        @DefaultValue("PT30S") Duration esperaTrava,
        @DefaultValue("PT10S") Duration notasIntervalo,
        @DefaultValue("PT2M") Duration notasReserva,
        @DefaultValue("8") int notasMaxTentativas) {
}
