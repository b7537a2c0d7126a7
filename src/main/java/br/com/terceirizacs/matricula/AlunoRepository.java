package br.com.terceirizacs.matricula;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlunoRepository extends JpaRepository<Aluno, Long> {

    Optional<Aluno> findByClienteIdAndEmail(Long clienteId, String email);
}
