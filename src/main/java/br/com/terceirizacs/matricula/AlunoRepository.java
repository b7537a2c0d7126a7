package br.com.terceirizacs.matricula;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlunoRepository extends JpaRepository<Aluno, Long> {

    Optional<Aluno> findByClienteIdAndEmail(Long clienteId, String email);

    @org.springframework.data.jpa.repository.Query("select a from Aluno a where a.waId = :waId or a.telefoneE164 = :e164")
    java.util.List<Aluno> porWaIdOuTelefone(String waId, String e164);
}
