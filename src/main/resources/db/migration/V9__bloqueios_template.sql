-- A template Meta refused as such (missing, paused, disabled, parameters that do not fit it: errors 132xxx), stopped
-- for one sending number and language until an operator marks it fixed. fila_disparo_id is the send that met the
-- error first: it alone became an incident, and retrying that incident counts as the operator's "fixed".
create table whatsapp_bloqueios_template (
    phone_number_id  varchar(40)  not null,
    template         varchar(200) not null,
    idioma           varchar(10)  not null,
    fila_disparo_id  bigint       not null,
    erro_codigo      integer      not null,
    motivo           varchar(500) not null,
    bloqueado_em     timestamp with time zone not null,
    constraint pk_whatsapp_bloqueios_template primary key (phone_number_id, template, idioma)
);
