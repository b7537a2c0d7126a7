package br.com.terceirizacs.seguranca;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for the producer's own users (role CLIENTE), who read the dashboard of that producer only. */
@RestController
@RequestMapping("/api/clientes/{slug}/usuarios")
@Tag(name = "Usuários do cliente", description = "Acesso dos produtores ao painel")
class UsuarioClienteController {

    private final UsuarioClienteService usuarios;

    UsuarioClienteController(UsuarioClienteService usuarios) {
        this.usuarios = usuarios;
    }

    record NovoUsuario(
            @NotBlank(message = "é obrigatório") @Email(message = "deve ser um e-mail válido")
            @Size(max = 320, message = "deve ter no máximo 320 caracteres") String email,
            @NotBlank(message = "é obrigatório") @Size(max = 200, message = "deve ter no máximo 200 caracteres") String nome,
            @NotBlank(message = "é obrigatória")
            @Size(min = UsuarioClienteService.SENHA_MINIMA, max = 72, message = "deve ter entre 10 e 72 caracteres")
            String senha) {
    }

    @PostMapping
    @Operation(summary = "Cria um usuário do produtor (papel CLIENTE) com acesso só ao painel deste cliente")
    ResponseEntity<UsuarioClienteService.UsuarioResumo> criar(@PathVariable String slug,
                                                               @Valid @RequestBody NovoUsuario novo) {
        UsuarioClienteService.UsuarioResumo criado = usuarios.criar(slug, novo.email(), novo.nome(), novo.senha());
        return ResponseEntity.created(URI.create("/api/clientes/" + slug + "/usuarios/" + criado.id())).body(criado);
    }

    @GetMapping
    @Operation(summary = "Lista os usuários do produtor")
    List<UsuarioClienteService.UsuarioResumo> listar(@PathVariable String slug) {
        return usuarios.listar(slug);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Desativa um usuário do produtor: não entra mais, e as sessões abertas perdem o acesso")
    ResponseEntity<Void> desativar(@PathVariable String slug, @PathVariable Long id) {
        usuarios.desativar(slug, id);
        return ResponseEntity.noContent().build();
    }
}
