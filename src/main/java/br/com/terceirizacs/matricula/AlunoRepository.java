package br.com.terceirizacs.matricula;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AlunoRepository extends JpaRepository<Aluno, Long> {

    @Query("select a from Aluno a where a.clienteId = :clienteId and a.email = :email")
    Optional<Aluno> findByClienteIdAndEmail(Long clienteId, String email);

    @Query("select a from Aluno a where a.waId = :waId or a.telefoneE164 = :e164")
    java.util.List<Aluno> porWaIdOuTelefone(String waId, String e164);
}
