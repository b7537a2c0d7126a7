package br.com.terceirizacs.seguranca;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.comum.ConflitoException;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Producer users: created by Terceiriza operations (admin API), one cliente each, passwords hashed with BCrypt. */
@Service
public class UsuarioClienteService {

    /** Minimum length of a producer's password (no composition rules: length is what resists guessing). */
    public static final int SENHA_MINIMA = 10;

    private final UsuarioClienteRepository usuarios;
    private final CatalogoService catalogo;
    private final PasswordEncoder senhas;
    private final Clock clock;

    UsuarioClienteService(UsuarioClienteRepository usuarios, CatalogoService catalogo, PasswordEncoder senhas,
                          Clock clock) {
        this.usuarios = usuarios;
        this.catalogo = catalogo;
        this.senhas = senhas;
        this.clock = clock;
    }

    public record UsuarioResumo(Long id, String email, String nome, String cliente, boolean ativo) {
    }

    @Transactional
    public UsuarioResumo criar(String slug, String email, String nome, String senha) {
        Cliente cliente = catalogo.clientePorSlug(slug);
        if (senha.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new RequisicaoInvalidaException("senha", "deve ter no máximo 72 bytes (limite do BCrypt)");
        }
        String normalizado = normalizar(email);
        if (usuarios.existsByEmail(normalizado)) {
            throw new ConflitoException("Já existe um usuário com o e-mail '" + normalizado + "'");
        }
        UsuarioCliente novo = usuarios.save(new UsuarioCliente(cliente.getId(), normalizado, nome.strip(),
                senhas.encode(senha), clock.instant()));
        return resumo(novo, cliente);
    }

    @Transactional(readOnly = true)
    public List<UsuarioResumo> listar(String slug) {
        Cliente cliente = catalogo.clientePorSlug(slug);
        return usuarios.findByClienteIdOrderByNomeAsc(cliente.getId()).stream().map(u -> resumo(u, cliente)).toList();
    }

    /** Signs the user out of future logins; their open sessions end at the next request (see {@link AcessoPainel}). */
    @Transactional
    public void desativar(String slug, Long id) {
        Cliente cliente = catalogo.clientePorSlug(slug);
        UsuarioCliente usuario = usuarios.findById(id)
                .filter(u -> u.getClienteId().equals(cliente.getId()))
                .orElseThrow(() -> new NaoEncontradoException("Usuário " + id + " não encontrado neste cliente"));
        usuario.desativar(clock.instant());
    }

    /** Local demo: the producer user exists, is active and has this password (a new one at every start). */
    @Transactional
    public void garantir(String slug, String email, String nome, String senha) {
        Cliente cliente = catalogo.clientePorSlug(slug);
        String normalizado = normalizar(email);
        Optional<UsuarioCliente> existente = usuarios.findByEmail(normalizado);
        if (existente.isPresent()) {
            existente.get().trocarSenha(senhas.encode(senha), clock.instant());
        } else {
            usuarios.save(new UsuarioCliente(cliente.getId(), normalizado, nome, senhas.encode(senha), clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    Optional<UsuarioCliente> porEmail(String email) {
        return email == null ? Optional.empty() : usuarios.findByEmail(normalizar(email));
    }

    @Transactional(readOnly = true)
    boolean ativo(Long id) {
        return usuarios.findById(id).map(UsuarioCliente::isAtivo).orElse(false);
    }

    private static String normalizar(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static UsuarioResumo resumo(UsuarioCliente u, Cliente cliente) {
        return new UsuarioResumo(u.getId(), u.getEmail(), u.getNome(), cliente.getSlug(), u.isAtivo());
    }
}
