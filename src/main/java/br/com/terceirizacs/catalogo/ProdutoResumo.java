package br.com.terceirizacs.catalogo;

/**
 * What other packages may know of a product.
 *
 * @param monitoramentoProgresso Produto Progresso bought for this product (off by default)
 */
public record ProdutoResumo(Long id, Long clienteId, Long hotmartProductId, String nome, boolean ativoMonitoramento,
                            String urlAreaMembros, String templateBoasVindas, boolean monitoramentoProgresso) {

    static ProdutoResumo de(Produto p) {
        return new ProdutoResumo(p.getId(), p.getClienteId(), p.getHotmartProductId(), p.getNome(),
                p.isAtivoMonitoramento(), p.getUrlAreaMembros(), p.getTemplateBoasVindas(),
                p.isMonitoramentoProgresso());
    }
}
