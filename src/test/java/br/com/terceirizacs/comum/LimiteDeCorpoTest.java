package br.com.terceirizacs.comum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import br.com.terceirizacs.IntegracaoBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body is capped while it is read, before any other check (signature, hottok, authentication): a client
 * cannot make the application hold more than the cap, whatever length it declares or streams.
 */
class LimiteDeCorpoTest extends IntegracaoBase {

    private static final int MB = 1024 * 1024;

    @Test
    void umContentLengthGiganteRecebe413NaHoraSemQueOCorpoSejaLido() throws IOException {
        try (Socket s = conectar()) {
            escrever(s, "POST /webhooks/whatsapp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 400000000\r\n\r\n{\"entry\":[");
            String resposta = ler(s);
            assertThat(resposta).startsWith("HTTP/1.1 413").contains("maior que o limite");
        }
        assertThat(contar("select count(*) from whatsapp_recebidas")).isZero();
    }

    @Test
    void umCorpoChunkedSemFimRecebe413EOServidorParaDeLerLogoAposOLimite() throws IOException {
        long enviados = 0;
        String resposta;
        try (Socket s = conectar()) {
            escrever(s, "POST /webhooks/hotmart HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-HOTMART-HOTTOK: " + HOTTOK + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] pedaco = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            OutputStream out = s.getOutputStream();
            try {
                // up to 64 MB: the server must answer and stop reading long before
                while (enviados < 64L * MB && s.getInputStream().available() == 0) {
                    out.write(pedaco);
                    enviados += 0x10000;
                }
            } catch (IOException fechouAConexao) {
                // expected once the server has answered and closed
            }
            resposta = ler(s);
        }
        assertThat(resposta).startsWith("HTTP/1.1 413");
        assertThat(enviados).as("bytes aceitos antes da recusa").isLessThan(16L * MB);
        assertThat(contar("select count(*) from eventos_hotmart")).isZero();
    }

    @Test
    void umCorpoChunkedDentroDoLimiteChegaInteiroAoWebhook() throws IOException {
        byte[] corpo = bytesDaAmostra("purchase-approved.json");
        try (Socket s = conectar()) {
            escrever(s, "POST /webhooks/hotmart HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-HOTMART-HOTTOK: " + HOTTOK + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(corpo.length) + "\r\n");
            s.getOutputStream().write(corpo);
            escrever(s, "\r\n0\r\n\r\n");
            assertThat(ler(s)).startsWith("HTTP/1.1 200").contains("\"recebido\":true");
        }
        assertThat(contar("select count(*) from eventos_hotmart")).isEqualTo(1);
    }

    @Test
    void dezCorposGrandesNaoFazemOHeapCrescer() throws IOException {
        System.gc();
        long antes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (int i = 0; i < 10; i++) {
            try (Socket s = conectar()) {
                escrever(s, "POST /webhooks/whatsapp HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
                byte[] pedaco = ("100000\r\n" + "y".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int j = 0; j < 8 && s.getInputStream().available() == 0; j++) {
                        s.getOutputStream().write(pedaco);
                    }
                } catch (IOException fechouAConexao) {
                    // expected
                }
                assertThat(ler(s)).startsWith("HTTP/1.1 413");
            }
        }
        System.gc();
        long depois = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertThat(depois - antes).as("crescimento do heap após 10 corpos de até 8 MB").isLessThan(64L * MB);
    }

    private Socket conectar() throws IOException {
        Socket s = new Socket("localhost", porta);
        s.setSoTimeout(5000);
        return s;
    }

    private static void escrever(Socket s, String texto) throws IOException {
        s.getOutputStream().write(texto.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** What the server answered, until it closes the connection or the answer's body is complete. */
    private static String ler(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream lido = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                lido.write(buf, 0, n);
                String ate = lido.toString(StandardCharsets.UTF_8);
                if (ate.contains("\r\n\r\n") && (ate.endsWith("}") || ate.endsWith("0\r\n\r\n"))) {
                    break;
                }
            }
        } catch (IOException fimDaConexao) {
            // whatever arrived before a reset is the answer
        }
        return lido.toString(StandardCharsets.UTF_8);
    }
}
