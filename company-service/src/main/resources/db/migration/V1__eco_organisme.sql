-- Eco-organismes: producer-responsibility organisations that may appear on BSDs (reference list, loaded at start).
create table eco_organisme (
    id             text    primary key,
    siret          text    not null unique,
    name           text    not null,
    address        text    not null,
    handle_bsdd    boolean not null default false,
    handle_bsda    boolean not null default false,
    handle_bsdasri boolean not null default false,
    handle_bsvhu   boolean not null default false
);
