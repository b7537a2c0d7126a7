package br.com.terceirizacs.catalogo;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TemplateMensagemRepository extends JpaRepository<TemplateMensagem, Long> {

    @Query("select t from TemplateMensagem t where t.nome = :nome and t.idioma = :idioma")
    Optional<TemplateMensagem> findByNomeAndIdioma(String nome, String idioma);

    boolean existsByNome(String nome);
}
