package br.com.terceirizacs.whatsapp;

import java.util.List;

/**
 * One template message to send for one queue row.
 *
 * @param parametros  body parameters in template order
 * @param sufixoBotao the dynamic suffix of the template's URL button (our tracked-link token), or null
 * @param textoPrevia the message as the student will read it (logged by the dry-run channel)
 */
public record PedidoEnvio(Long filaId, Long alunoId, String telefoneE164, String template, String idioma,
                          List<String> parametros, String sufixoBotao, String textoPrevia) {
}
