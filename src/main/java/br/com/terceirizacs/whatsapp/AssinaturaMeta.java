package br.com.terceirizacs.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}, compared in constant time. */
final class AssinaturaMeta {

    private AssinaturaMeta() {
    }

    static boolean valida(String cabecalho, byte[] corpo, String appSecret) {
        if (cabecalho == null || appSecret == null || appSecret.isBlank() || !cabecalho.startsWith("sha256=")) {
            return false;
        }
        byte[] esperado = calcular(corpo, appSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] recebido = cabecalho.substring("sha256=".length()).toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(esperado, recebido);
    }

    static String calcular(byte[] corpo, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(corpo));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
