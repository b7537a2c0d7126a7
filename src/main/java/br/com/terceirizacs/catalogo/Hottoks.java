package br.com.terceirizacs.catalogo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import br.com.terceirizacs.comum.Hashes;

/**
 * Hottoks are high-entropy secrets issued by Hotmart, so an unsalted SHA-256 is enough to store them (the same
 * reasoning as for API tokens) and lets the webhook find its producer by an indexed lookup.
 */
final class Hottoks {

    private Hottoks() {
    }

    static String hash(String hottok) {
        return Hashes.sha256(hottok);
    }

    /** Constant-time comparison of two hashes. */
    static boolean iguais(String hashA, String hashB) {
        return MessageDigest.isEqual(hashA.getBytes(StandardCharsets.US_ASCII), hashB.getBytes(StandardCharsets.US_ASCII));
    }
}
