-- Transactional outbox: a service writes its events here in the transaction that makes the change,
-- and the relay publishes them to the service's Redis stream. Platform migrations use versions
-- below every service's V1 so that they run first in each service's own schema.
create table ${flyway:defaultSchema}.outbox_event (
    id           uuid        primary key,
    type         text        not null,
    tenant_id    uuid        not null,
    aggregate_id uuid        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    published_at timestamptz,
    attempts     integer     not null default 0
);

-- The relay only ever looks for unpublished rows, in id (creation) order; published rows stay out
-- of this index so it remains small however long published rows are kept.
create index outbox_event_unpublished_idx
    on ${flyway:defaultSchema}.outbox_event (id)
    where published_at is null;
