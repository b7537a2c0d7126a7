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

    /**
     * A login name as typed: an e-mail as {@link #email}, a user id by its first two characters ({@code admin} →
     * {@code ad***}). What someone types as a user name may be a password typed in the wrong field: never log it whole.
     */
    public static String usuario(String usuario) {
        if (usuario == null || usuario.isBlank()) {
            return "-";
        }
        if (usuario.indexOf('@') >= 0) {
            return email(usuario);
        }
        String u = usuario.strip();
        return u.substring(0, Math.min(2, u.length())) + "***";
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
