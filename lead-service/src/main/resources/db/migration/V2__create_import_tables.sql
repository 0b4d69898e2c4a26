-- Spreadsheet imports of leads: the jobs, the rows they refused, the leads they created or
-- updated, and each tenant's saved column mapping.

create table lead_management.import_job (
    id                       uuid primary key,
    tenant_id                uuid        not null,
    created_by               uuid        not null,
    -- The importing user as their token said at upload: the job runs with these rights.
    actor_roles              text[]      not null,
    actor_team_id            uuid,
    state                    text        not null check (state in
        ('MAPPING', 'QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED')),
    file_name                text        not null,
    file_format              text        not null check (file_format in ('XLSX', 'CSV')),
    file_size                bigint      not null,
    -- The upload's name in the storage directory; null once the file is deleted.
    stored_file              text,
    sheet_name               text,
    header_row               integer     not null,
    headers                  jsonb       not null,
    sample_rows              jsonb       not null,
    proposed_mapping         jsonb       not null,
    mapping                  jsonb,
    duplicate_policy         text check (duplicate_policy in ('SKIP', 'UPDATE', 'CREATE')),
    default_assignee_id      uuid,
    -- The tenant's LEAD custom field definitions, fetched once when the import starts.
    custom_field_definitions jsonb,
    rows_total               integer     not null,
    rows_read                integer     not null default 0,
    created                  integer     not null default 0,
    updated                  integer     not null default 0,
    skipped                  integer     not null default 0,
    failed                   integer     not null default 0,
    -- Every row of the file up to this row number is committed: a resumed job starts after it.
    checkpoint_row           integer     not null default 0,
    failure                  text,
    owner                    text,
    heartbeat_at             timestamptz,
    cancel_requested         boolean     not null default false,
    created_at               timestamptz not null,
    started_at               timestamptz,
    finished_at              timestamptz,
    undone_at                timestamptz,
    undone_by                uuid,
    undo_removed             integer,
    undo_kept                integer
);
create index import_job_tenant_idx on lead_management.import_job (tenant_id, id);
create index import_job_pending_idx
    on lead_management.import_job (state, heartbeat_at) where state in ('QUEUED', 'RUNNING');
create index import_job_mapping_idx
    on lead_management.import_job (created_at) where state = 'MAPPING';

-- Rows an import refused or skipped, for its error report; several problems per row.
create table lead_management.import_error (
    import_id   uuid    not null references lead_management.import_job (id) on delete cascade,
    tenant_id   uuid    not null,
    row_number  integer not null,
    seq         integer not null,
    column_name text,
    value       text,
    reason      text    not null,
    primary key (import_id, row_number, seq)
);

-- The leads an import created or updated (a lead the same import updates again has one row per
-- row of the file). Undo removes the CREATED ones nobody has touched since; GET /api/leads?importId=
-- lists them all. No foreign key to lead: the rows stay facts about the import after a purge.
create table lead_management.imported_lead (
    import_id  uuid    not null,
    tenant_id  uuid    not null,
    lead_id    uuid    not null,
    outcome    text    not null check (outcome in ('CREATED', 'UPDATED')),
    row_number integer not null
);
create index imported_lead_import_idx on lead_management.imported_lead (import_id, lead_id);

-- A tenant's saved column mapping: which lead field a spreadsheet header means, by the header's
-- normalised form (lower case, letters and digits only).
create table lead_management.import_mapping (
    tenant_id  uuid        not null,
    header_key text        not null,
    header     text        not null,
    field      text        not null,
    updated_at timestamptz not null,
    updated_by uuid,
    primary key (tenant_id, header_key)
);
