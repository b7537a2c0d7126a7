package br.com.terceirizacs.comum;

/**
 * Whether WhatsApp messages really leave. In simulation (no sending number configured) every message is rendered and
 * recorded as sent while nothing reaches the student, so pages that show sending figures say so. The WhatsApp
 * channel's settings answer it; packages that may not depend on the channel (the dashboard) read it here.
 */
public interface ModoEnvio {

    boolean simulado();
}
