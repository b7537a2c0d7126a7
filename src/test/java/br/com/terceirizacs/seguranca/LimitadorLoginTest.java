package br.com.terceirizacs.seguranca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static br.com.terceirizacs.seguranca.LimitadorLogin.Entrada.API;
import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's rules on a clock of its own and a map instead of the table: nothing here waits. */
class LimitadorLoginTest {

    static final String ATACANTE = "203.0.113.7";
    static final String ESCRITORIO = "198.51.100.20";

    /** A clock that moves only when told to. */
    static final class Relogio extends Clock {
        Instant agora = Instant.parse("2026-03-02T12:00:00Z");

        void avancar(Duration d) {
            agora = agora.plus(d);
        }

        @Override
        public Instant instant() {
            return agora;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final class EmMemoria implements RegistroDeFalhas {
        final Map<String, Falhas> chaves = new ConcurrentHashMap<>();

        @Override
        public List<Falhas> ler(Collection<String> lidas) {
            return lidas.stream().map(chaves::get).filter(f -> f != null).toList();
        }

        @Override
        public Falhas atualizar(String chave, UnaryOperator<Falhas> regra) {
            return chaves.compute(chave, (k, anterior) -> regra.apply(anterior));
        }

        @Override
        public void apagar(String chave) {
            chaves.remove(chave);
        }

        @Override
        public void apagarComPrefixo(String prefixo) {
            chaves.keySet().removeIf(k -> k.startsWith(prefixo));
        }

        @Override
        public int apagarAntigas(Instant limite) {
            int antes = chaves.size();
            chaves.values().removeIf(f -> f.ultimaFalha().isBefore(limite)
                    && (f.bloqueadaAte() == null || f.bloqueadaAte().isBefore(limite)));
            return antes - chaves.size();
        }
    }

    final Relogio relogio = new Relogio();
    final EmMemoria registro = new EmMemoria();
    final SimpleMeterRegistry metricas = new SimpleMeterRegistry();
    final LimitadorLogin limitador = new LimitadorLogin(registro,
            new LoginProperties(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1)),
            metricas, relogio);

    Duration espera(String conta, String endereco) {
        return limitador.espera(conta, endereco, API);
    }

    /** Waits out the current wait and fails once more; returns the new wait. */
    Duration falharDepoisDeEsperar(String conta, String endereco) {
        relogio.avancar(espera(conta, endereco));
        assertThat(espera(conta, endereco)).isZero();
        limitador.falhou(conta, endereco, API);
        return espera(conta, endereco);
    }

    @Test
    void cincoSenhasErradasNaoCustamNadaDepoisAEsperaDobraAteCincoMinutos() {
        for (int i = 0; i < 5; i++) {
            limitador.falhou("admin", ATACANTE, API);
            assertThat(espera("admin", ATACANTE)).as("falha %d", i + 1).isZero();
        }
        assertThat(falharDepoisDeEsperar("admin", ATACANTE)).isEqualTo(Duration.ofSeconds(1));
        assertThat(falharDepoisDeEsperar("admin", ATACANTE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(falharDepoisDeEsperar("admin", ATACANTE)).isEqualTo(Duration.ofSeconds(4));
        assertThat(falharDepoisDeEsperar("admin", ATACANTE)).isEqualTo(Duration.ofSeconds(8));
        for (int i = 0; i < 4; i++) {
            falharDepoisDeEsperar("admin", ATACANTE);
        }
        assertThat(falharDepoisDeEsperar("admin", ATACANTE)).as("256 s").isEqualTo(Duration.ofSeconds(256));
        assertThat(falharDepoisDeEsperar("admin", ATACANTE)).as("o teto").isEqualTo(Duration.ofMinutes(5));
        assertThat(falharDepoisDeEsperar("admin", ATACANTE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nuncaPermanenteDuzentasTentativasEDepoisDoTetoASenhaCertaEntra() {
        for (int i = 0; i < 200; i++) {
            if (espera("admin", ATACANTE).isZero()) {
                limitador.falhou("admin", ATACANTE, API);
            }
            relogio.avancar(Duration.ofSeconds(2));
        }
        assertThat(espera("admin", ATACANTE)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        // thousands of refused attempts do not push the end of the wait
        for (int i = 0; i < 5000; i++) {
            espera("admin", ATACANTE);
        }
        relogio.avancar(Duration.ofMinutes(5));
        assertThat(espera("admin", ATACANTE)).isZero();
        limitador.entrou("admin");
        assertThat(espera("admin", ESCRITORIO)).isZero();
    }

    @Test
    void aEsperaNuncaPassaDoTetoMesmoDepoisDeMilhoesDeFalhas() {
        assertThat(limitador.espera(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(limitador.espera(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(limitador.espera(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(limitador.espera(64)).isEqualTo(Duration.ofMinutes(5));
        assertThat(limitador.espera(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void oAcertoDevolveAsFalhasLivresDaConta() {
        for (int i = 0; i < 5; i++) {
            limitador.falhou("cs.ana", ESCRITORIO, API);
        }
        limitador.entrou("cs.ana");
        for (int i = 0; i < 5; i++) {
            limitador.falhou("cs.ana", ESCRITORIO, API);
        }
        assertThat(espera("cs.ana", ESCRITORIO)).isZero();
        limitador.falhou("cs.ana", ESCRITORIO, API);
        assertThat(espera("cs.ana", ESCRITORIO)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void cadaEnderecoTemSuaContagemEUmAcertoNaoZeraOEndereco() {
        // password spraying: one guess for each of 21 accounts, from one address
        for (int i = 0; i < 20; i++) {
            limitador.falhou("usuario" + i, ATACANTE, API);
        }
        limitador.entrou("conta-do-proprio-atacante");
        assertThat(espera("outra", ATACANTE)).isZero();
        limitador.falhou("usuario20", ATACANTE, API);

        assertThat(espera("qualquer", ATACANTE)).as("o endereço espera").isEqualTo(Duration.ofSeconds(1));
        assertThat(espera("usuario3", ESCRITORIO)).as("as contas e outro endereço, não").isZero();
    }

    @Test
    void aContaEsperaDeQualquerEnderecoESemDiferencaDeMaiusculas() {
        for (int i = 0; i < 6; i++) {
            limitador.falhou(i % 2 == 0 ? "Admin" : "admin", "10.0.0." + i, API);
        }
        assertThat(espera(" ADMIN ", ESCRITORIO)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void falhasDeMaisDeUmaHoraAtrasSaoEsquecidas() {
        for (int i = 0; i < 5; i++) {
            limitador.falhou("admin", ATACANTE, API);
        }
        relogio.avancar(Duration.ofHours(1));
        limitador.falhou("admin", ATACANTE, API);
        assertThat(espera("admin", ATACANTE)).isZero();
        assertThat(registro.chaves.get(LimitadorLogin.chaveConta("admin")).seguidas()).isEqualTo(1);

        relogio.avancar(Duration.ofHours(2));
        limitador.esquecerAntigas();
        assertThat(registro.chaves).isEmpty();
    }

    @Test
    void aSincronizacaoDoAdminLiberaAContaETodosOsEnderecos() {
        for (int i = 0; i < 25; i++) {
            relogio.avancar(espera("admin", ATACANTE));
            limitador.falhou("admin", ATACANTE, API);
        }
        limitador.falhou("ana", ESCRITORIO, API);
        assertThat(espera("admin", ESCRITORIO)).isPositive();

        limitador.liberarConta("admin");
        limitador.liberarEnderecos();

        assertThat(espera("admin", ATACANTE)).isZero();
        assertThat(registro.chaves.keySet()).containsExactly(LimitadorLogin.chaveConta("ana"));
    }

    @Test
    void falhasERecusasVaoParaAMetricaSemONomeDaConta() {
        for (int i = 0; i < 6; i++) {
            limitador.falhou("admin", ATACANTE, API);
        }
        espera("admin", ATACANTE);
        espera("admin", ATACANTE);

        assertThat(metricas.get("terceiriza.login.falhas").tags("entrada", "api", "motivo", "credenciais").counter()
                .count()).isEqualTo(6);
        assertThat(metricas.get("terceiriza.login.falhas").tags("entrada", "api", "motivo", "em-espera").counter()
                .count()).isEqualTo(2);
        assertThat(metricas.getMeters())
                .allSatisfy(m -> assertThat(m.getId().getTags().toString()).doesNotContain("admin"));
    }

    @Test
    void chavesLongasViramHash() {
        String longa = "x".repeat(500);
        assertThat(LimitadorLogin.chaveConta(longa)).hasSizeLessThanOrEqualTo(120).startsWith("conta:#");
        assertThat(LimitadorLogin.chaveEndereco(null)).isEqualTo("endereco:desconhecido");
    }

    @Test
    void aEsperaEmPortugues() {
        assertThat(LimitadorLogin.textoEspera(Duration.ofMillis(300))).isEqualTo("1 segundo");
        assertThat(LimitadorLogin.textoEspera(Duration.ofSeconds(30))).isEqualTo("30 segundos");
        assertThat(LimitadorLogin.textoEspera(Duration.ofSeconds(60))).isEqualTo("1 minuto");
        assertThat(LimitadorLogin.textoEspera(Duration.ofSeconds(61))).isEqualTo("2 minutos");
        assertThat(LimitadorLogin.textoEspera(Duration.ofMinutes(5))).isEqualTo("5 minutos");
    }
}
