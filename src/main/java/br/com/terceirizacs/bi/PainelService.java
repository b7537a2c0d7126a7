package br.com.terceirizacs.bi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.TurmaService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.catalogo.Turma;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Computes the producer's dashboard ({@link Painel}) for a producer and a filter. */
@Service
public class PainelService {

    private final CatalogoService catalogo;
    private final TurmaService turmasDoCatalogo;
    private final PainelConsultas consultas;
    private final Clock clock;
    private final Duration janelaAtribuicao;
    private final int diasConversao;

    PainelService(CatalogoService catalogo, TurmaService turmas, PainelConsultas consultas, Clock clock,
                  @Value("${terceiriza.atribuicao.janela}") Duration janelaAtribuicao,
                  @Value("${terceiriza.resgate.conversao-dias:3}") int diasConversao) {
        this.catalogo = catalogo;
        this.turmasDoCatalogo = turmas;
        this.consultas = consultas;
        this.clock = clock;
        this.janelaAtribuicao = janelaAtribuicao;
        this.diasConversao = diasConversao;
    }

    public List<Painel.Cliente> clientes() {
        return catalogo.listarClientes().stream().map(c -> new Painel.Cliente(c.getNome(), c.getSlug())).toList();
    }

    /**
     * The dashboard of one producer. A product or turma that is not this producer's is "not found": the filter can
     * never reach another producer's rows.
     */
    public Painel painel(String slug, Painel.Filtro filtro) {
        Cliente cliente = catalogo.clientePorSlug(slug);
        ZoneId fuso = cliente.getFusoHorario();
        List<ProdutoResumo> produtos = catalogo.listarProdutos(slug);
        Map<Long, Turma> turmas = new LinkedHashMap<>();
        Map<Long, List<Painel.OpcaoTurma>> turmasPorProduto = new HashMap<>();
        for (TurmaService.TurmaComOfertas t : turmasDoCatalogo.listarTurmasDoCliente(slug)) {
            turmas.put(t.turma().getId(), t.turma());
            turmasPorProduto.computeIfAbsent(t.turma().getProdutoId(), k -> new ArrayList<>())
                    .add(new Painel.OpcaoTurma(t.turma().getId(), t.turma().getNome(), criterio(t)));
        }
        List<Painel.OpcaoProduto> opcoes = produtos.stream()
                .map(p -> new Painel.OpcaoProduto(p.id(), p.nome(), turmasPorProduto.getOrDefault(p.id(), List.of())))
                .toList();
        Optional<ProdutoResumo> produto = Optional.ofNullable(filtro.produto())
                .map(id -> produtos.stream().filter(p -> p.id().equals(id)).findFirst()
                        .orElseThrow(() -> new NaoEncontradoException("Produto " + id + " não encontrado")));
        Optional<Turma> turma = Optional.ofNullable(filtro.turma())
                .map(id -> Optional.ofNullable(turmas.get(id))
                        .filter(t -> produto.map(p -> p.id().equals(t.getProdutoId())).orElse(true))
                        .orElseThrow(() -> new NaoEncontradoException("Turma " + id + " não encontrada")));
        if (filtro.de() != null && filtro.ate() != null && filtro.de().isAfter(filtro.ate())) {
            throw new RequisicaoInvalidaException("de", "a data inicial deve ser até a data final");
        }
        List<Long> produtoIds = turma.map(t -> List.of(t.getProdutoId()))
                .or(() -> produto.map(p -> List.of(p.id())))
                .orElseGet(() -> produtos.stream().map(ProdutoResumo::id).toList());
        Recorte recorte = new Recorte(produtoIds, turma.map(Turma::getId).orElse(null), filtro.de(), filtro.ate());

        String nomeRecorte = turma.map(t -> "da " + t.getNome() + " (" + nomeProduto(produtos, t.getProdutoId()) + ")")
                .or(() -> produto.map(p -> "de " + p.nome()))
                .orElse(produtos.size() == 1 ? "de " + produtos.get(0).nome() : "dos seus cursos")
                + periodo(filtro);

        Map<Long, PainelConsultas.Linha> resumo = consultas.resumoPorTurma(recorte);
        Map<Long, Map<String, Faixas>> atrasos = consultas.atrasosPorTurma(recorte);
        PainelConsultas.Linha total = resumo.values().stream()
                .reduce(PainelConsultas.Linha.VAZIA, PainelConsultas.Linha::mais);
        Map<String, Faixas> atrasosTotais = new LinkedHashMap<>();
        atrasos.values().forEach(porOrigem -> porOrigem.forEach((origem, faixas) ->
                atrasosTotais.computeIfAbsent(origem, k -> new Faixas()).somar(faixas)));
        PainelConsultas.Numeros n = total.numeros();

        List<Painel.LinhaTurma> linhas = new ArrayList<>();
        resumo.forEach((turmaId, linha) -> {
            if (linha.numeros().compradores() == 0) {
                return;
            }
            Turma t = turmaId == null ? null : turmas.get(turmaId);
            linhas.add(new Painel.LinhaTurma(turmaId,
                    t == null ? "—" : nomeProduto(produtos, t.getProdutoId()),
                    t == null ? "Sem turma" : t.getNome(),
                    numeros(linha.numeros()),
                    medianas(PainelConsultas.medianas(atrasos.getOrDefault(turmaId, Map.of()))),
                    funil(linha.funil()), reembolsos(linha.numeros())));
        });
        linhas.sort(Comparator.comparing(Painel.LinhaTurma::produto).thenComparing(Painel.LinhaTurma::turma));
        Instant agora = clock.instant();
        return new Painel(new Painel.Cliente(cliente.getNome(), cliente.getSlug()), filtro, opcoes, nomeRecorte,
                manchete(n, nomeRecorte), numeros(n), medianas(PainelConsultas.medianas(atrasosTotais)),
                funil(total.funil()), reembolsos(n), consultas.linhaDoTempo(recorte), linhas, agora,
                Formatos.DATA_HORA.format(agora.atZone(fuso)));
    }

    private Painel.Manchete manchete(PainelConsultas.Numeros n, String recorte) {
        Double p = Formatos.percentual(n.viaLink(), n.acessaram());
        String frase = n.acessaram() == 0
                ? "Ainda não há primeiros acessos " + recorte + "."
                : "Trouxemos " + Formatos.percentualInteiro(p) + " dos primeiros acessos " + recorte + ": "
                  + n.viaLink() + " de " + n.acessaram() + " alunos entraram pelo nosso link no WhatsApp.";
        String regra = "Como contamos: um primeiro acesso é da Terceiriza quando o aluno clicou no link do WhatsApp "
                + "que enviamos até " + horas(janelaAtribuicao) + " antes de entrar na área de membros. "
                + "Os demais contam como e-mail da Hotmart. Cliques de robôs (pré-visualização de links) não contam, "
                + "e cada aluno conta uma vez, pelo primeiro acesso.";
        return new Painel.Manchete(frase, p, n.viaLink(), n.acessaram(), regra);
    }

    private static Painel.Numeros numeros(PainelConsultas.Numeros n) {
        return new Painel.Numeros(n.compradores(), n.acessaram(), n.semAcesso(), n.viaLink(), n.viaEmail(),
                Formatos.percentual(n.viaLink(), n.acessaram()), Formatos.percentual(n.viaEmail(), n.acessaram()),
                n.responderam(), Formatos.percentual(n.responderam(), n.compradores()), n.modulosConcluidos(),
                n.parabensEnviados());
    }

    private static Painel.Medianas medianas(PainelConsultas.Medianas m) {
        return new Painel.Medianas(m.link(), Formatos.duracao(m.link()), m.email(), Formatos.duracao(m.email()));
    }

    private Painel.Funil funil(PainelConsultas.Funil f) {
        return new Painel.Funil(f.sugeridos(), f.aprovados(), f.enviados(), f.entregues(), f.lidos(), f.acessaram(),
                diasConversao);
    }

    private static Painel.Reembolsos reembolsos(PainelConsultas.Numeros n) {
        Double com = Formatos.percentual(n.reembolsadosComAcesso(), n.acessaram());
        Double sem = Formatos.percentual(n.reembolsadosSemAcesso(), n.semAcesso());
        String frase = "Pediram reembolso " + Formatos.percentual(com) + " de quem acessou o curso ("
                + n.reembolsadosComAcesso() + " de " + n.acessaram() + ") e " + Formatos.percentual(sem)
                + " de quem nunca acessou (" + n.reembolsadosSemAcesso() + " de " + n.semAcesso() + ").";
        return new Painel.Reembolsos(n.reembolsadosComAcesso(), n.acessaram(), com, n.reembolsadosSemAcesso(),
                n.semAcesso(), sem, frase);
    }

    private static String criterio(TurmaService.TurmaComOfertas t) {
        Turma turma = t.turma();
        return switch (turma.getTipo()) {
            case OFERTA -> "ofertas " + String.join(", ", t.codigosOferta());
            case PERIODO -> "compras de " + Formatos.DATA.format(turma.getDataInicio()) + " a "
                    + Formatos.DATA.format(turma.getDataFim());
            case MENSAL -> "turma padrão do mês";
        };
    }

    private static String nomeProduto(List<ProdutoResumo> produtos, Long produtoId) {
        return produtos.stream().filter(p -> Objects.equals(p.id(), produtoId)).map(ProdutoResumo::nome).findFirst()
                .orElse("?");
    }

    private static String periodo(Painel.Filtro f) {
        if (f.de() != null && f.ate() != null) {
            return " nas compras de " + Formatos.DATA.format(f.de()) + " a " + Formatos.DATA.format(f.ate());
        }
        if (f.de() != null) {
            return " nas compras desde " + Formatos.DATA.format(f.de());
        }
        if (f.ate() != null) {
            return " nas compras até " + Formatos.DATA.format(f.ate());
        }
        return "";
    }

    private static String horas(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
