package br.com.terceirizacs.matricula;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tracked course link sent on WhatsApp: every click is logged, then the student goes to the members area. */
@Service
public class LinkRastreadoService {

    /** Link-preview fetchers and crawlers: logged, but never credited with a first access. */
    private static final Pattern ROBOS = Pattern.compile(
            "bot|crawler|spider|facebookexternalhit|whatsapp|preview|slurp|headless|monitor", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final MatriculaRepository matriculas;
    private final AcessoLogRepository acessos;
    private final CatalogoService catalogo;
    private final Clock clock;

    LinkRastreadoService(MatriculaRepository matriculas, AcessoLogRepository acessos, CatalogoService catalogo,
                         Clock clock) {
        this.matriculas = matriculas;
        this.acessos = acessos;
        this.catalogo = catalogo;
        this.clock = clock;
    }

    public sealed interface Destino {
        record Redirecionar(String url) implements Destino {
        }

        record SemDestino() implements Destino {
        }

        record Desconhecido() implements Destino {
        }
    }

    @Transactional
    public Destino clicar(String token, String userAgent, boolean somenteCabecalho) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new Destino.Desconhecido();
        }
        Optional<Matricula> matricula = matriculas.findByTokenLink(token);
        if (matricula.isEmpty()) {
            return new Destino.Desconhecido();
        }
        boolean robo = somenteCabecalho || userAgent == null || ROBOS.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
        acessos.save(AcessoLog.clique(matricula.get().getId(), clock.instant(), userAgent, robo));
        return catalogo.produto(matricula.get().getProdutoId())
                .map(ProdutoResumo::urlAreaMembros)
                .filter(url -> !url.isBlank())
                .<Destino>map(Destino.Redirecionar::new)
                .orElseGet(Destino.SemDestino::new);
    }
}
