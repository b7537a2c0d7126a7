package br.com.terceirizacs.catalogo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hottoks are high-entropy secrets issued by Hotmart, so an unsalted SHA-256 is enough to store them (the same
 * reasoning as for API tokens) and lets the webhook find its producer by an indexed lookup.
 */
final class Hottoks {

    private Hottoks() {
    }

    static String hash(String hottok) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hottok.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hashes. */
    static boolean iguais(String hashA, String hashB) {
        return MessageDigest.isEqual(hashA.getBytes(StandardCharsets.US_ASCII), hashB.getBytes(StandardCharsets.US_ASCII));
    }
}
