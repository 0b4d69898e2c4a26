-- Tenants, users, roles, teams and the audit trail. Refresh tokens and signing keys: V2;
-- tenant settings, feature flags and custom fields: V4.

create table user_management.tenant (
    id           uuid primary key,
    name         text        not null,
    kind         text        not null default 'CUSTOMER' check (kind in ('CUSTOMER', 'PLATFORM')),
    status       text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    created_at   timestamptz not null,
    suspended_at timestamptz,
    version      bigint      not null default 0
);

create table user_management.team (
    id            uuid primary key,
    tenant_id     uuid        not null references user_management.tenant (id),
    name          text        not null,
    supervisor_id uuid,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);
create unique index team_tenant_name_key on user_management.team (tenant_id, lower(name));

create table user_management.app_user (
    id                  uuid primary key,
    tenant_id           uuid        not null references user_management.tenant (id),
    email               text        not null,
    first_name          text        not null,
    last_name           text        not null,
    password_hash       text        not null,
    active              boolean     not null default true,
    team_id             uuid references user_management.team (id) on delete set null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    deactivated_at      timestamptz,
    password_changed_at timestamptz not null,
    version             bigint      not null default 0,
    constraint app_user_email_lowercase check (email = lower(email))
);
-- Email is the login name, unique across the platform.
create unique index app_user_email_key on user_management.app_user (email);
create index app_user_tenant_name_idx
    on user_management.app_user (tenant_id, lower(first_name || ' ' || last_name), id);
create index app_user_tenant_team_idx on user_management.app_user (tenant_id, team_id);

alter table user_management.team
    add constraint team_supervisor_fk foreign key (supervisor_id)
        references user_management.app_user (id) on delete set null;

create table user_management.user_role (
    user_id uuid not null references user_management.app_user (id) on delete cascade,
    role    text not null check (role in ('ADMIN', 'SUPERVISOR', 'AGENT', 'PLATFORM_ADMIN')),
    primary key (user_id, role)
);

create table user_management.audit_event (
    id          uuid primary key,
    tenant_id   uuid        not null,
    actor_id    uuid,
    actor_email text,
    action      text        not null,
    target_type text,
    target_id   text,
    details     jsonb       not null default '{}'::jsonb,
    request_id  text,
    client_ip   text,
    occurred_at timestamptz not null
);
create index audit_event_tenant_idx on user_management.audit_event (tenant_id, id desc);
create index audit_event_tenant_action_idx on user_management.audit_event (tenant_id, action, id desc);
