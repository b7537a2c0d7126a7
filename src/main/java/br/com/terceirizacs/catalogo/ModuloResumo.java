package br.com.terceirizacs.catalogo;

/**
 * A module of a product's catalogue as other packages and the admin API see it.
 *
 * @param revisar seen only in a completion event, never in a catalogue an operator loaded: an operator should place it
 */
public record ModuloResumo(String moduloId, String nome, int ordem, OrigemModulo origem, boolean revisar) {

    ModuloResumo(String moduloId, String nome, int ordem, OrigemModulo origem) {
        this(moduloId, nome, ordem, origem, origem == OrigemModulo.EVENTO);
    }
}
