-- Opaque refresh tokens, stored only as SHA-256 hashes. Each use rotates the token: the used row
-- points at its replacement, and all tokens descending from one login share a family, so that a
-- replayed (stolen) token can revoke the whole session.
-- The user and tenant keys are checked at commit: sign-up creates both through JPA, which writes
-- them only when it flushes, after the token row has been inserted.
create table user_management.refresh_token (
    id          uuid primary key,
    token_hash  bytea       not null,
    family_id   uuid        not null,
    user_id     uuid        not null references user_management.app_user (id) on delete cascade
                                deferrable initially deferred,
    tenant_id   uuid        not null references user_management.tenant (id)
                                deferrable initially deferred,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    replaced_by uuid references user_management.refresh_token (id) on delete set null
);
create unique index refresh_token_hash_key on user_management.refresh_token (token_hash);
create index refresh_token_family_idx on user_management.refresh_token (family_id);
create index refresh_token_user_idx on user_management.refresh_token (user_id);
-- For the purge of expired rows.
create index refresh_token_expires_idx on user_management.refresh_token (expires_at);
