package br.com.terceirizacs.comum;

/** Masks personal data before it reaches a log line. */
public final class Mascara {

    private Mascara() {
    }

    /** {@code mariana.souza@example.com} → {@code ma***@example.com}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "-";
        }
        int arroba = email.indexOf('@');
        if (arroba < 0) {
            return "***";
        }
        String local = email.substring(0, arroba);
        return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(arroba);
    }

    /** {@code +5511900000001} → {@code +5511*****0001}: country and area code stay, the subscriber part does not. */
    public static String telefone(String telefone) {
        if (telefone == null || telefone.isBlank()) {
            return "-";
        }
        if (telefone.length() <= 8) {
            return "***";
        }
        int visiveisInicio = Math.min(5, telefone.length() - 4);
        return telefone.substring(0, visiveisInicio) + "*".repeat(telefone.length() - visiveisInicio - 4)
                + telefone.substring(telefone.length() - 4);
    }
}
