-- The state of each sending number's rate limit (whatsapp/LimitadorEnvio, Bucket4j's select-for-update proxy on
-- PostgreSQL): every node takes its sending slots from the same row, so the limit holds for the whole cluster.
create table limites_envio (
    numero varchar(64) primary key,
    estado bytea
);
