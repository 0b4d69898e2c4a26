-- Duplicate checks and the call service's by-phone lookup probe by email or phone first, and check
-- the tenant on the rows found. With (tenant_id, contact) indexes the planner had to be trusted to
-- pick the right one of a dozen indexes that all start with tenant_id; for a tenant missing from
-- the table's statistics (a new tenant, or any tenant while an import grows it) every one of them
-- looked like a one-row scan and it took the smallest, the phone index for an email lookup: each
-- probe read all of the tenant's leads (a 1,000-row import batch went from 10 ms to 6 s as the
-- tenant grew). Led by the contact, only these indexes can answer a probe.
-- Rows without an email or phone are never probed, so they are not indexed.
drop index lead_management.lead_tenant_email_idx;
drop index lead_management.lead_tenant_phone_idx;

create index lead_email_idx
    on lead_management.lead (email_normalized)
    where deleted_at is null and email_normalized is not null;
create index lead_phone_idx
    on lead_management.lead (phone_e164)
    where deleted_at is null and phone_e164 is not null;
