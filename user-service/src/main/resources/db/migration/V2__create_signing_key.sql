-- RS256 signing keys shared by every user-service instance. Private keys are AES-GCM encrypted
-- with a key that only the environment holds.
create table user_management.signing_key (
    kid                   text primary key,
    public_jwk            text        not null,
    private_key_encrypted bytea       not null,
    created_at            timestamptz not null,
    retired_at            timestamptz
);
create unique index signing_key_one_active on user_management.signing_key ((retired_at is null))
    where retired_at is null;
