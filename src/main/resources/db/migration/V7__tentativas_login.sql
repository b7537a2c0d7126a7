-- Failed logins of the last hour per account ('conta:<user>') and per client address ('endereco:<ip>'), for
-- seguranca/LimitadorLogin: every node reads and counts in the same rows, so the throttle holds for the cluster.
create table tentativas_login (
    chave          varchar(120) primary key,
    seguidas       integer not null,
    ultima_falha   timestamp with time zone not null,
    bloqueada_ate  timestamp with time zone
);
create index ix_tentativas_login_ultima_falha on tentativas_login (ultima_falha);
