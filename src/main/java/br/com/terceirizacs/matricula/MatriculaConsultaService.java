package br.com.terceirizacs.matricula;

import java.time.Instant;
import java.util.List;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.TurmaService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of enrolments for the admin API. */
@Service
public class MatriculaConsultaService {

    private final MatriculaRepository matriculas;
    private final AlunoRepository alunos;
    private final CatalogoService catalogo;
    private final TurmaService turmas;
    private final RespostasAluno respostas;

    MatriculaConsultaService(MatriculaRepository matriculas, AlunoRepository alunos, CatalogoService catalogo,
                             TurmaService turmas, RespostasAluno respostas) {
        this.matriculas = matriculas;
        this.alunos = alunos;
        this.catalogo = catalogo;
        this.turmas = turmas;
        this.respostas = respostas;
    }

    /** {@code ultimaResposta}: the student's last WhatsApp reply, null when they never replied. */
    public record MatriculaVisao(Long id, String cliente, Long produto, String nomeProduto, String email, String nome,
                                 StatusMatricula status, Instant dataCompra, Instant dataGarantia, Instant acessoAte,
                                 Instant dataPrimeiroAcesso, String origemPrimeiroAcesso, String telefone,
                                 SituacaoTelefone telefoneSituacao, boolean semTelefone, String turma,
                                 String transacao, String moduloAtual, String moduloAtualId,
                                 Instant ultimoProgressoEm, String alertaCs, String linkRastreado,
                                 RespostasAluno.UltimaResposta ultimaResposta) {
    }

    @Transactional(readOnly = true)
    public List<MatriculaVisao> porProdutoEEmail(Long hotmartProductId, String email, String baseLink) {
        List<ProdutoResumo> produtos = catalogo.produtosPorHotmartId(hotmartProductId);
        if (produtos.isEmpty()) {
            return List.of();
        }
        return matriculas.porEmailEProdutos(MatriculaService.normalizarEmail(email),
                        produtos.stream().map(ProdutoResumo::id).toList()).stream()
                .map(m -> visao(m, produtos.stream().filter(p -> p.id().equals(m.getProdutoId())).findFirst().orElseThrow(),
                        baseLink))
                .toList();
    }

    /**
     * Enrolments CS must look at, by alert ({@code SEM_TELEFONE}, {@code SEM_WHATSAPP}…), newest first and at most
     * 500; with {@code hotmartProductId}, only that product's (in every producer that has it, like the search by
     * e-mail). Each row names its producer.
     */
    @Transactional(readOnly = true)
    public List<MatriculaVisao> porAlerta(String alerta, Long hotmartProductId, String baseLink) {
        List<Matricula> encontradas;
        if (hotmartProductId == null) {
            encontradas = matriculas.findTop500ByAlertaCsOrderByIdDesc(alerta);
        } else {
            List<Long> produtos = catalogo.produtosPorHotmartId(hotmartProductId).stream().map(ProdutoResumo::id).toList();
            encontradas = produtos.isEmpty() ? List.of()
                    : matriculas.findTop500ByAlertaCsAndProdutoIdInOrderByIdDesc(alerta, produtos);
        }
        return encontradas.stream()
                .map(m -> visao(m, catalogo.produto(m.getProdutoId()).orElseThrow(), baseLink))
                .toList();
    }

    private MatriculaVisao visao(Matricula m, ProdutoResumo produto, String baseLink) {
        Aluno aluno = alunos.findById(m.getAlunoId()).orElseThrow();
        String cliente = catalogo.clientePorId(produto.clienteId()).map(Cliente::getSlug).orElse(null);
        return new MatriculaVisao(m.getId(), cliente, produto.hotmartProductId(), produto.nome(), aluno.getEmail(),
                aluno.getNome(), m.getStatus(), m.getDataCompra(), m.getDataGarantia(), m.getAcessoAte(),
                m.getDataPrimeiroAcesso(), m.getOrigemPrimeiroAcesso(), aluno.getTelefoneE164(),
                aluno.getTelefoneSituacao(), aluno.getTelefoneSituacao() != SituacaoTelefone.VALIDO,
                turmas.nomeTurma(m.getTurmaId()).orElse(null), m.getTransacaoCodigo(), m.getModuloAtualNome(),
                m.getModuloAtualId(), m.getUltimoProgressoEm(), m.getAlertaCs(), baseLink + m.getTokenLink(),
                respostas.ultimaDoAluno(aluno.getId()).orElse(null));
    }
}
