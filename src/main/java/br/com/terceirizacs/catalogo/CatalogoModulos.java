package br.com.terceirizacs.catalogo;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module catalogue of a product (Produto Progresso): which modules a course has and in which order, so the
 * flows can tell the last module, an older module, the module after the last one completed.
 * <p>
 * Guarantees: a module seen in a completion is never dropped (missing from the catalogue, it is appended at the end
 * with origin {@link OrigemModulo#EVENTO}, logged as a warning without personal data and counted in
 * {@value #METRICA_INCLUIDOS}); a manual catalogue replaces the previous manual one and wins over any other order.
 */
@Service
public class CatalogoModulos {

    static final String METRICA_INCLUIDOS = "terceiriza.catalogo.modulos.incluidos.por.evento";
    static final int MAXIMO_MODULOS = 500;

    private static final Logger log = LoggerFactory.getLogger(CatalogoModulos.class);

    private final CatalogoService catalogo;
    private final ModuloProdutoRepository modulos;
    private final MeterRegistry metricas;
    private final Clock clock;

    CatalogoModulos(CatalogoService catalogo, ModuloProdutoRepository modulos, MeterRegistry metricas, Clock clock) {
        this.catalogo = catalogo;
        this.modulos = modulos;
        this.metricas = metricas;
        this.clock = clock;
    }

    /** A module as an operator loads it. */
    public record ModuloInformado(String moduloId, String nome, Integer ordem) {
    }

    /**
     * Replaces the product's manual catalogue with these modules (origin MANUAL, their order as given). Earlier manual
     * modules absent from the list are removed; modules that came from events or from a synchronisation and are
     * absent stay, after the given ones and in their previous order, so nothing a student completed is forgotten.
     *
     * @throws RequisicaoInvalidaException the first invalid entry, named by its position ({@code [2].nome})
     */
    @Transactional
    public List<ModuloResumo> substituir(String slug, Long hotmartProductId, List<ModuloInformado> informados) {
        Produto produto = catalogo.produtoDoSlug(slug, hotmartProductId);
        validar(informados);
        Instant agora = clock.instant();
        Map<String, ModuloProduto> atuais = new LinkedHashMap<>();
        modulos.doProduto(produto.getId()).forEach(m -> atuais.put(m.getModuloId(), m));
        int maior = 0;
        for (ModuloInformado i : informados) {
            String id = i.moduloId().strip();
            ModuloProduto m = atuais.remove(id);
            if (m == null) {
                modulos.save(new ModuloProduto(produto.getId(), id, i.nome().strip(), i.ordem(), OrigemModulo.MANUAL, agora));
            } else {
                m.definir(i.nome().strip(), i.ordem(), OrigemModulo.MANUAL, agora);
            }
            maior = Math.max(maior, i.ordem());
        }
        for (ModuloProduto restante : atuais.values()) {
            if (restante.getOrigem() == OrigemModulo.MANUAL) {
                modulos.delete(restante);
            } else {
                restante.definir(restante.getNome(), ++maior, restante.getOrigem(), agora);
            }
        }
        modulos.flush();
        return listar(produto.getId());
    }

    @Transactional(readOnly = true)
    public List<ModuloResumo> listar(String slug, Long hotmartProductId) {
        return listar(catalogo.produtoDoSlug(slug, hotmartProductId).getId());
    }

    /** The catalogue in course order. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<ModuloResumo> listar(Long produtoId) {
        return modulos.doProduto(produtoId).stream().map(ModuloProduto::resumo).toList();
    }

    /**
     * The module of a completion, added at the end of the catalogue (origin EVENTO, named as the event names it) when
     * missing. Runs in the caller's transaction (the inbox's); two first completions of the same new module at the
     * same moment meet on the unique key and the inbox retries the loser, which then finds the module.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ModuloResumo garantirModulo(Long produtoId, String moduloId, String nomeNoEvento) {
        Optional<ModuloProduto> existente = modulos.doProdutoEModulo(produtoId, moduloId);
        if (existente.isPresent()) {
            return existente.get().resumo();
        }
        int ordem = modulos.maiorOrdem(produtoId) + 1;
        String nome = nomeNoEvento == null || nomeNoEvento.isBlank() ? moduloId : limitar(nomeNoEvento.strip(), 300);
        ModuloProduto novo = modulos.saveAndFlush(new ModuloProduto(produtoId, moduloId, nome, ordem,
                OrigemModulo.EVENTO, clock.instant()));
        metricas.counter(METRICA_INCLUIDOS).increment();
        log.warn("Módulo '{}' do produto {} concluído por um aluno e ausente do catálogo de módulos: incluído no fim "
                + "(posição {}, origem EVENTO). Revise o catálogo (PUT .../modulos).", moduloId, produtoId, ordem);
        return novo.resumo();
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ModuloResumo> modulo(Long produtoId, String moduloId) {
        return modulos.doProdutoEModulo(produtoId, moduloId).map(ModuloProduto::resumo);
    }

    /**
     * The last module of the course: the highest place among the modules an operator (or Hotmart's Club API)
     * vouched for. A module seen only in events is never "the last": where it sits in the course is unknown.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ModuloResumo> ultimoModulo(Long produtoId) {
        List<ModuloResumo> todos = listar(produtoId);
        ModuloResumo ultimo = null;
        for (ModuloResumo m : todos) {
            if (m.origem() != OrigemModulo.EVENTO && (ultimo == null || m.ordem() >= ultimo.ordem())) {
                ultimo = m;
            }
        }
        return Optional.ofNullable(ultimo);
    }

    static void validar(List<ModuloInformado> informados) {
        if (informados == null) {
            throw new RequisicaoInvalidaException("modulos", "envie a lista de módulos [{moduloId, nome, ordem}]");
        }
        if (informados.size() > MAXIMO_MODULOS) {
            throw new RequisicaoInvalidaException("modulos", "no máximo " + MAXIMO_MODULOS + " módulos por produto");
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> ordens = new HashSet<>();
        for (int n = 0; n < informados.size(); n++) {
            ModuloInformado i = informados.get(n);
            String pos = "[" + n + "]";
            if (i == null) {
                throw new RequisicaoInvalidaException(pos, "módulo vazio");
            }
            if (i.moduloId() == null || i.moduloId().isBlank()) {
                throw new RequisicaoInvalidaException(pos + ".moduloId", "é obrigatório");
            }
            if (i.moduloId().strip().length() > 60) {
                throw new RequisicaoInvalidaException(pos + ".moduloId", "deve ter no máximo 60 caracteres");
            }
            if (!ids.add(i.moduloId().strip())) {
                throw new RequisicaoInvalidaException(pos + ".moduloId",
                        "o módulo '" + i.moduloId().strip() + "' aparece mais de uma vez");
            }
            if (i.nome() == null || i.nome().isBlank()) {
                throw new RequisicaoInvalidaException(pos + ".nome", "é obrigatório");
            }
            if (i.nome().strip().length() > 300) {
                throw new RequisicaoInvalidaException(pos + ".nome", "deve ter no máximo 300 caracteres");
            }
            if (i.ordem() == null || i.ordem() < 1 || i.ordem() > 10_000) {
                throw new RequisicaoInvalidaException(pos + ".ordem", "deve ser um número de 1 a 10000");
            }
            if (!ordens.add(i.ordem())) {
                throw new RequisicaoInvalidaException(pos + ".ordem", "a ordem " + i.ordem() + " já é de outro módulo");
            }
        }
    }

    private static String limitar(String texto, int max) {
        return texto.length() <= max ? texto : texto.substring(0, max);
    }
}
