-- History and assignment rows no longer check a foreign key to lead on every insert: an import
-- writes them by the hundred thousand, each checked with an index probe of lead in a trigger, for
-- rows written in the same transaction as their lead. Leads are deleted for good in two places
-- only, the purge of the trash and an import's undo, and both now delete the lead's history and
-- assignments in the same statement (what on delete cascade did).
alter table lead_management.lead_history drop constraint lead_history_lead_id_fkey;
alter table lead_management.lead_assignment drop constraint lead_assignment_lead_id_fkey;
