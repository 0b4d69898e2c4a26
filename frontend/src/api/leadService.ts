import createClient from 'openapi-fetch';
import { session } from '@/auth/sessionInstance';
import type { components, paths } from './generated/lead-service';
import { byId, call } from './call';

/*
 * lead-service's answers as they arrive on the wire, straight from its OpenAPI document
 * (openapi/lead-service.json): every answer field required, `T | null` exactly where the service may
 * send null. As with user-service (see userService.ts), only what the document cannot say is
 * narrowed here: JSON values (custom fields, history values) and strings with known values.
 */
type Schemas = components['schemas'];
/** A keyset page, `{items, nextCursor}`; nextCursor is null on the last page. */
type Paged<Item> = { items: Item[]; nextCursor: string | null };

export type LoanPurpose = NonNullable<Schemas['LeadView']['loanPurpose']>;
export type CreditBand = NonNullable<Schemas['LeadView']['creditBand']>;
export type StageKind = Schemas['Stage']['kind'];
export type ConsentMethod = Schemas['ConsentView']['method'];

export type Consent = Schemas['ConsentView'];
/** A JSON value as the service stores it: custom field values, history values. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Lead = Omit<Schemas['LeadView'], 'customFields'> & { customFields: Record<string, JsonValue> };
export type LeadPage = Paged<Lead>;

/**
 * A history entry. `oldValue` and `newValue` are the JSON values before and after (a stage name,
 * an assignee id, a list of tags, a custom field map, true/false); the document describes them as
 * Jackson's JsonNode class instead.
 */
export type HistoryAction =
  | 'CREATED'
  | 'IMPORTED'
  | 'UPDATED'
  | 'STATUS_CHANGED'
  | 'ASSIGNED'
  | 'DO_NOT_CONTACT_CHANGED'
  | 'DELETED'
  | 'RESTORED'
  | 'MERGED'
  | 'MERGED_INTO';
export type HistoryEntry = Omit<Schemas['LeadHistoryEntry'], 'action' | 'oldValue' | 'newValue'> & {
  action: HistoryAction | (string & {});
  oldValue: JsonValue;
  newValue: JsonValue;
};
export type HistoryPage = Paged<HistoryEntry>;

/** The list's filter as the service binds it (`LeadFilter`): every criterion optional. */
export type LeadFilterQuery = Schemas['LeadFilter'];
export type LeadSortKey = 'createdAt' | 'updatedAt' | 'name' | 'loanAmount' | 'position';
export interface LeadListQuery {
  filter: LeadFilterQuery;
  sort?: LeadSortKey;
  direction?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/**
 * Create: optional fields are left out, not sent as null. `status` null means the pipeline's
 * first stage; `assigneeId` left out lets the assignment rules decide.
 */
export type CreateLeadRequest = Omit<Schemas['CreateLead'], 'customFields'> & { customFields?: Record<string, JsonValue> };
/**
 * Update is a full replacement of the editable fields: a field left out is cleared, consent and
 * custom fields included. Send everything the lead should keep, and the `version` read.
 */
export type UpdateLeadRequest = Omit<Schemas['UpdateLead'], 'customFields'> & { customFields: Record<string, JsonValue> };
export type ConsentRequest = Schemas['ConsentBody'];

export type Stage = Schemas['Stage'];
/** A stage to keep (with its id), rename, or add (without). */
export type StageDraft = { id?: string; name: string; kind: StageKind };
export interface StagesUpdate {
  stages: StageDraft[];
  /** For each removed stage that still has leads: the name of the stage they move to. */
  moveLeadsTo?: Record<string, string>;
}

export type BulkAction = Schemas['BulkResult']['action'];
export type BulkRequest = Omit<Schemas['Bulk'], 'action'> & { action: BulkAction };
export type BulkResult = Schemas['BulkResult'];

/** Assign or reassign to a user, or to a team's agents in turn; a reason is required to reassign. */
export type AssignRequest = Schemas['Assign'];

export type AssignmentActionType = Schemas['Action']['type'];
export type RuleMatch = Schemas['Match'];
export type RuleAction = Schemas['Action'];
export type AssignmentRule = Schemas['Rule'];
export type RuleSet = Schemas['RuleSet'];
/** Rules go in full and in order; a rule sent with its id keeps it (and its round-robin turn). */
export type RulesUpdate = {
  timeZone?: string;
  rules: (Omit<Schemas['RuleBody'], 'action'> & { action: { type: AssignmentActionType; userId?: string; teamId?: string } })[];
};

export type Agent = Schemas['AgentResponse'];

const client = createClient<paths>({ baseUrl: window.location.origin, fetch: session.authorizedFetch });

/**
 * The list's query string as lead-service binds it: the filter's criteria as top-level parameters
 * (`status=New&status=Contacted&tags=hot`, as the document lists them), lists as repeated
 * parameters, empty values left out.
 */
export function listSearchParams(query: LeadListQuery): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value)) value.forEach((v) => put(name, v));
    else params.append(name, String(value));
  };
  for (const [name, value] of Object.entries(query.filter)) put(name, value);
  put('sort', query.sort);
  put('direction', query.direction);
  put('cursor', query.cursor);
  put('limit', query.limit);
  return params;
}

export const leadService = {
  list: (query: LeadListQuery) =>
    call<LeadPage>(
      client.GET('/api/leads', {
        params: {
          query: { ...query.filter, sort: query.sort, direction: query.direction, cursor: query.cursor, limit: query.limit },
        },
        querySerializer: () => listSearchParams(query).toString(),
      }),
    ),
  /**
   * Name, email or phone digits within the list's filters (its sort does not apply: leads
   * containing the term come first, newest first, then names resembling it). At most 50 a page.
   */
  search: (q: string, query: LeadListQuery) =>
    call<LeadPage>(
      client.GET('/api/leads/search', {
        params: { query: { q, cursor: query.cursor, limit: query.limit } },
        querySerializer: () => {
          const params = listSearchParams({ ...query, sort: undefined, direction: undefined });
          params.set('q', q);
          return params.toString();
        },
      }),
    ),
  get: (id: string) => call<Lead>(client.GET('/api/leads/{id}', byId(id))),
  create: (body: CreateLeadRequest, allowDuplicate = false) =>
    call<Lead>(
      client.POST('/api/leads', { body, params: { query: allowDuplicate ? { allowDuplicate: true } : {} } }),
    ),
  update: (id: string, body: UpdateLeadRequest, allowDuplicate = false) =>
    call<Lead>(
      client.PUT('/api/leads/{id}', {
        body,
        params: { path: { id }, query: allowDuplicate ? { allowDuplicate: true } : {} },
      }),
    ),
  remove: (id: string) => call<void>(client.DELETE('/api/leads/{id}', byId(id))),
  /** Admins, within 30 days of the deletion; a merged duplicate cannot be restored (422). */
  restore: (id: string) => call<Lead>(client.POST('/api/leads/{id}/restore', byId(id))),
  history: (id: string, cursor?: string, limit = 20) =>
    call<HistoryPage>(client.GET('/api/leads/{id}/history', { params: { path: { id }, query: { cursor, limit } } })),
  /** The Kanban move: to a stage (name or id), at a position of its column from the top (0). */
  changeStatus: (id: string, status: string, position?: number) =>
    call<Lead>(client.PUT('/api/leads/{id}/status', { ...byId(id), body: position === undefined ? { status } : { status, position } })),
  /** Anyone may set it; only supervisors and admins may clear it. A reason is required to set it. */
  setDoNotContact: (id: string, doNotContact: boolean, reason?: string) =>
    call<Lead>(
      client.PUT('/api/leads/{id}/do-not-contact', { ...byId(id), body: reason ? { doNotContact, reason } : { doNotContact } }),
    ),
  assign: (id: string, body: AssignRequest) => call<Lead>(client.POST('/api/leads/{id}/assign', { ...byId(id), body })),
  reassign: (id: string, body: AssignRequest) => call<Lead>(client.POST('/api/leads/{id}/reassign', { ...byId(id), body })),
  /** Every live lead of `fromUserId` to a user or round robin over a team; the reason goes in each history. */
  reassignAll: (body: Schemas['ReassignAll']) => call<Schemas['Reassigned']>(client.POST('/api/leads/assignment/reassign-all', { body })),
  bulk: (body: BulkRequest) => call<BulkResult>(client.POST('/api/leads/bulk', { body })),
  /** The live leads of the tenant sharing the email (any case) or the phone number. */
  duplicatesOf: (contact: { email?: string; phone?: string }) =>
    call<Schemas['DuplicateResults']>(client.POST('/api/leads/duplicates/check', { body: { candidates: [contact] } })).then(
      (r) => r.results[0]?.duplicates ?? [],
    ),
  /**
   * Merges a duplicate into lead `id`, which keeps its values and fills its gaps from the
   * duplicate; the duplicate's history comes along and the duplicate is deleted for good.
   */
  merge: (id: string, duplicateId: string) => call<Lead>(client.POST('/api/leads/{id}/merge', { ...byId(id), body: { duplicateId } })),

  stages: () => call<{ stages: Stage[] }>(client.GET('/api/leads/pipeline/stages')).then((r) => r.stages),
  replaceStages: (body: StagesUpdate) =>
    call<{ stages: Stage[] }>(client.PUT('/api/leads/pipeline/stages', { body })).then((r) => r.stages),

  rules: () => call<RuleSet>(client.GET('/api/leads/assignment/rules')),
  replaceRules: (body: RulesUpdate) => call<RuleSet>(client.PUT('/api/leads/assignment/rules', { body })),
  /** Admins: everyone of the tenant (or of one team); supervisors: their own team. */
  agents: (teamId?: string) =>
    call<{ items: Agent[] }>(client.GET('/api/leads/assignment/agents', { params: { query: teamId ? { teamId } : {} } })).then(
      (r) => r.items,
    ),
  pause: (userId: string, until: string, reason?: string) =>
    call<Agent>(
      client.PUT('/api/leads/assignment/agents/{userId}/pause', {
        params: { path: { userId } },
        body: reason ? { until, reason } : { until },
      }),
    ),
  resume: (userId: string) =>
    call<Agent>(client.DELETE('/api/leads/assignment/agents/{userId}/pause', { params: { path: { userId } } })),
};
