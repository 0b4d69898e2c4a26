-- Leads, their pipeline stages, history and assignments; the read model of users and teams fed by
-- user-service events; assignment rules and round-robin pointers.

-- Trigram matching for typo-tolerant search. The extension lives in public so that one instance
-- serves every schema of the database; objects are referenced schema-qualified (public.*) because
-- the service's connections search only lead_management. Creating it needs superuser or, since
-- PostgreSQL 13, CREATE on the database (pg_trgm is a trusted extension); in docker-compose the
-- init script creates it as superuser and this statement is then a no-op.
create extension if not exists pg_trgm with schema public;

create table lead_management.pipeline_stage (
    id         uuid primary key,
    tenant_id  uuid        not null,
    name       text        not null,
    kind       text        not null check (kind in ('OPEN', 'WON', 'LOST')),
    position   integer     not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create unique index pipeline_stage_tenant_name_key
    on lead_management.pipeline_stage (tenant_id, lower(name));
create index pipeline_stage_tenant_position_idx
    on lead_management.pipeline_stage (tenant_id, position);

create table lead_management.lead (
    id                    uuid primary key,
    tenant_id             uuid          not null,
    first_name            text,
    last_name             text,
    -- "last first" for sorting, "first last" for matching what people type.
    sort_name             text generated always as
        (lower(coalesce(last_name, '') || ' ' || coalesce(first_name, ''))) stored,
    search_name           text generated always as
        (lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) stored,
    email                 text,
    email_normalized      text,
    phone                 text,
    phone_e164            text,
    phone_digits          text generated always as
        (regexp_replace(coalesce(phone_e164, ''), '[^0-9]', '', 'g')) stored,
    source                text,
    stage_id              uuid          not null references lead_management.pipeline_stage (id),
    -- Order within the stage's Kanban column; numeric so a card can always go between two others.
    board_rank            numeric       not null default 0,
    loan_purpose          text check (loan_purpose in ('PURCHASE', 'REFINANCE', 'CASH_OUT', 'HELOC')),
    loan_amount           numeric(14, 2) check (loan_amount >= 0),
    loan_currency         text          not null default 'USD' check (loan_currency = 'USD'),
    property_state        text check (property_state ~ '^[A-Z]{2}$'),
    credit_band           text check (credit_band in ('EXCELLENT', 'GOOD', 'FAIR', 'POOR', 'UNKNOWN')),
    notes                 text,
    tags                  text[]        not null default '{}',
    custom_fields         jsonb         not null default '{}'::jsonb,
    assignee_id           uuid,
    assigned_at           timestamptz,
    do_not_contact        boolean       not null default false,
    do_not_contact_reason text,
    do_not_contact_at     timestamptz,
    do_not_contact_by     uuid,
    consent_given_at      timestamptz,
    consent_method        text,
    consent_text          text,
    merged_into_id        uuid,
    created_at            timestamptz   not null,
    created_by            uuid,
    updated_at            timestamptz   not null,
    updated_by            uuid,
    deleted_at            timestamptz,
    deleted_by            uuid,
    version               bigint        not null default 0,
    constraint lead_has_a_name check (coalesce(first_name, last_name) is not null),
    constraint lead_dnc_has_reason check (not do_not_contact or do_not_contact_reason is not null),
    constraint lead_consent_complete check (
        (consent_given_at is null) = (consent_method is null))
);

-- Keyset paging: one index per sort key, (tenant, key, id), live rows only.
create index lead_tenant_created_idx
    on lead_management.lead (tenant_id, created_at, id) where deleted_at is null;
create index lead_tenant_updated_idx
    on lead_management.lead (tenant_id, updated_at, id) where deleted_at is null;
create index lead_tenant_name_idx
    on lead_management.lead (tenant_id, sort_name, id) where deleted_at is null;
create index lead_tenant_amount_idx
    on lead_management.lead (tenant_id, (coalesce(loan_amount, -1)), id) where deleted_at is null;
create index lead_tenant_assignee_idx
    on lead_management.lead (tenant_id, assignee_id, created_at, id) where deleted_at is null;
create index lead_tenant_stage_idx
    on lead_management.lead (tenant_id, stage_id, board_rank, id) where deleted_at is null;
create index lead_tenant_deleted_idx
    on lead_management.lead (tenant_id, deleted_at, id) where deleted_at is not null;
-- Duplicate detection and the call service's phone lookup.
create index lead_tenant_email_idx
    on lead_management.lead (tenant_id, email_normalized) where deleted_at is null;
create index lead_tenant_phone_idx
    on lead_management.lead (tenant_id, phone_e164) where deleted_at is null;
create index lead_tags_idx on lead_management.lead using gin (tags);
-- Substring and similarity search (LIKE '%...%', word_similarity) over name, email, phone digits.
create index lead_search_name_trgm_idx
    on lead_management.lead using gin (search_name public.gin_trgm_ops);
create index lead_email_trgm_idx
    on lead_management.lead using gin (email_normalized public.gin_trgm_ops);
create index lead_phone_digits_trgm_idx
    on lead_management.lead using gin (phone_digits public.gin_trgm_ops);

-- Every change to a lead, one row per field, read per lead newest first: by occurred_at (a merged
-- duplicate's entries interleave by time), then id (the entries of one change, in order).
create table lead_management.lead_history (
    id                  uuid primary key,
    tenant_id           uuid        not null,
    lead_id             uuid        not null references lead_management.lead (id) on delete cascade,
    action              text        not null,
    field               text,
    old_value           jsonb,
    new_value           jsonb,
    actor_id            uuid,
    reason              text,
    request_id          text,
    occurred_at         timestamptz not null,
    -- Set on rows that came from a duplicate merged into this lead.
    merged_from_lead_id uuid
);
create index lead_history_lead_idx
    on lead_management.lead_history (tenant_id, lead_id, occurred_at, id);

-- Every assignment, manual or by rule; daily caps count the rule-based ones.
create table lead_management.lead_assignment (
    id           uuid primary key,
    tenant_id    uuid        not null,
    lead_id      uuid        not null references lead_management.lead (id) on delete cascade,
    from_user_id uuid,
    to_user_id   uuid,
    method       text        not null,
    rule_id      uuid,
    reason       text,
    actor_id     uuid,
    request_id   text,
    assigned_at  timestamptz not null
);
create index lead_assignment_lead_idx on lead_management.lead_assignment (tenant_id, lead_id, id);
create index lead_assignment_daily_idx
    on lead_management.lead_assignment (tenant_id, to_user_id, assigned_at) where method = 'RULE';

-- Read model of user-service's users and teams (ADR 0006). Each aspect (profile, roles, status,
-- team) keeps the occurredAt of the event that last set it, so a late, out-of-order event never
-- overwrites newer state. Pausing is owned here, not by user-service.
create table lead_management.agent (
    user_id        uuid primary key,
    tenant_id      uuid        not null,
    email          text,
    first_name     text,
    last_name      text,
    roles          text[]      not null default '{}',
    team_id        uuid,
    active         boolean     not null default true,
    deleted        boolean     not null default false,
    paused_until   timestamptz,
    pause_reason   text,
    paused_by      uuid,
    profile_event_at timestamptz,
    roles_event_at   timestamptz,
    status_event_at  timestamptz,
    team_event_at    timestamptz
);
create index agent_tenant_team_idx on lead_management.agent (tenant_id, team_id, user_id);

create table lead_management.team (
    id            uuid primary key,
    tenant_id     uuid        not null,
    name          text,
    supervisor_id uuid,
    deleted       boolean     not null default false,
    event_at      timestamptz not null
);
create index team_tenant_idx on lead_management.team (tenant_id);

create table lead_management.assignment_settings (
    tenant_id  uuid primary key,
    time_zone  text        not null,
    updated_at timestamptz not null,
    updated_by uuid
);

create table lead_management.assignment_rule (
    id                  uuid primary key,
    tenant_id           uuid        not null,
    position            integer     not null,
    name                text        not null,
    enabled             boolean     not null default true,
    sources             text[]      not null default '{}',
    states              text[]      not null default '{}',
    loan_purposes       text[]      not null default '{}',
    credit_bands        text[]      not null default '{}',
    min_loan_amount     numeric(14, 2),
    max_loan_amount     numeric(14, 2),
    action              text        not null
        check (action in ('USER', 'TEAM_ROUND_ROBIN', 'TEAM_LEAST_OPEN')),
    target_user_id      uuid,
    target_team_id      uuid,
    daily_cap_per_agent integer check (daily_cap_per_agent > 0),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint assignment_rule_target check (
        (action = 'USER') = (target_user_id is not null)
        and (action <> 'USER') = (target_team_id is not null))
);
create index assignment_rule_tenant_idx on lead_management.assignment_rule (tenant_id, position);

-- Where automatic assignment stopped, per (rule, target): the target is the team of a round-robin
-- or least-open-leads rule, or the user of a user rule; rule_id is the nil UUID for round robin
-- outside rules (reassign-all, bulk assign to a team). The row is locked FOR UPDATE while the next
-- agent is chosen, so concurrent assignments on any number of instances take turns, and caps are
-- counted by one transaction at a time.
create table lead_management.assignment_pointer (
    tenant_id    uuid        not null,
    rule_id      uuid        not null,
    target_id    uuid        not null,
    last_user_id uuid,
    updated_at   timestamptz not null,
    primary key (tenant_id, rule_id, target_id)
);
