package br.com.terceirizacs.comum;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable strings (tokens of tracked links, generated passwords): URL-safe Base64 of random bytes. */
public final class Aleatorio {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Aleatorio() {
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding (32 bytes → 43 characters). */
    public static String texto(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
