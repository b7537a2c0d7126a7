-- The story page (historia/BuscaHistoria) finds a student by e-mail across producers and an enrolment by any of its
-- transaction codes (renewals included): the unique keys (cliente_id, email) and (cliente_id, codigo) do not serve a
-- look-up without the producer.
create index ix_alunos_email on alunos (email);
create index ix_transacoes_codigo on transacoes (codigo);
