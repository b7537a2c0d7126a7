package br.com.terceirizacs.catalogo;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TemplateMensagemRepository extends JpaRepository<TemplateMensagem, Long> {

    Optional<TemplateMensagem> findByNomeAndIdioma(String nome, String idioma);

    boolean existsByNome(String nome);
}
