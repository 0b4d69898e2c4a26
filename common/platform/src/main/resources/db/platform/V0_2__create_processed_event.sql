-- Which events each consumer group has already handled: a redelivered or duplicated stream entry
-- finds its row here and is acknowledged without running the handler again.
create table ${flyway:defaultSchema}.processed_event (
    consumer_group text        not null,
    event_id       uuid        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
