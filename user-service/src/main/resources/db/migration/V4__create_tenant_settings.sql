-- Tenant settings: the company profile, feature flag overrides and custom field definitions.
-- The company name itself stays on user_management.tenant (one source of truth for the name).

-- One row per tenant, created on the first save; until then the service answers with defaults.
create table user_management.tenant_settings (
    tenant_id     uuid primary key references user_management.tenant (id),
    legal_name    text,
    nmls_id       text,
    phone         text,
    email         text,
    website       text,
    address_line1 text,
    address_line2 text,
    city          text,
    state         text,
    postal_code   text,
    time_zone     text        not null,
    locale        text        not null,
    logo_url      text,
    primary_color text        not null check (primary_color ~ '^#[0-9A-F]{6}$'),
    updated_at    timestamptz not null,
    updated_by    uuid,
    version       bigint      not null default 0
);

-- Only flags an admin has set are stored; every other flag takes its default from the code's
-- registry, so a new flag needs no data migration.
create table user_management.feature_flag (
    tenant_id  uuid        not null references user_management.tenant (id),
    key        text        not null,
    value      jsonb       not null,
    updated_at timestamptz not null,
    updated_by uuid,
    primary key (tenant_id, key)
);

create table user_management.custom_field (
    id         uuid primary key,
    tenant_id  uuid        not null references user_management.tenant (id),
    entity     text        not null check (entity in ('LEAD', 'CALL', 'APPLICATION')),
    key        text        not null check (key ~ '^[a-z][a-zA-Z0-9_]{0,49}$'),
    label      text        not null,
    type       text        not null check (type in ('TEXT', 'NUMBER', 'DATE', 'SELECT', 'BOOLEAN')),
    options    text[],
    required   boolean     not null default false,
    position   integer     not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    -- SELECT needs its choices; other types must not carry any.
    constraint custom_field_options_match_type
        check ((type = 'SELECT') = (options is not null and cardinality(options) > 0))
);
-- Other services store values under the key, so it is unique per tenant and entity.
create unique index custom_field_tenant_entity_key on user_management.custom_field (tenant_id, entity, key);
create index custom_field_tenant_entity_position
    on user_management.custom_field (tenant_id, entity, position, key);
