import createClient from 'openapi-fetch';
import { session } from '@/auth/sessionInstance';
import type { components, paths } from './generated/user-service';
import { networkError, problemFrom } from './problem';

/*
 * user-service's answers as they arrive on the wire.
 *
 * Its OpenAPI document (springdoc, OpenAPI 3.1) names every field of every answer but marks none
 * required and none nullable, so the generated types read `field?: T`. What the service sends is
 * different: Jackson writes every component of its Java records, null included (`"teamId": null`).
 * `Received<Schema, Always>` says exactly that: every field present; the fields in `Always` never
 * null (primitives, ids and timestamps the records always fill, read from the records under
 * user-service/src/main/java), every other field `T | null`. The field names come from the
 * generated schema, so a renamed or removed field still breaks the build here.
 */
type Schemas = components['schemas'];
type Received<S, Always extends keyof S = never> = {
  [K in keyof S]-?: K extends Always ? NonNullable<S[K]> : NonNullable<S[K]> | null;
};
/** A keyset page, `{items, nextCursor}`; nextCursor is null on the last page. */
type Paged<S extends { items?: unknown; nextCursor?: unknown }, Item> = Received<Omit<S, 'items'>> & { items: Item[] };

export type Role = NonNullable<Schemas['UserResponse']['roles']>[number];
/** The roles a tenant admin can grant (user-service's GRANTABLE_ROLE): not PLATFORM_ADMIN. */
export type GrantableRole = Exclude<Role, 'PLATFORM_ADMIN'>;

/**
 * The user of sign-in, refresh and /me. The document types these roles as plain strings (the
 * service writes them from `Role` names, see UserAccount.roleNames), so they are narrowed here.
 */
export type SessionUser = Omit<
  Received<Schemas['UserSummary'], 'id' | 'tenantId' | 'email' | 'firstName' | 'lastName' | 'roles'>,
  'roles'
> & { roles: Role[] };
export type TokenResponse = Received<
  Omit<Schemas['TokenResponse'], 'user'>,
  'accessToken' | 'tokenType' | 'expiresIn' | 'refreshToken' | 'refreshExpiresAt'
> & { user: SessionUser };
export type RegisterRequest = Schemas['RegisterRequest'];

/**
 * /api/auth/me's tenant is MeResponse.TenantSummary (id, name, status). The document names it
 * `TenantSummary`, the same name as the platform operators' tenant summary, and shows the latter's
 * fields; only these three are sent.
 */
export type MeTenant = Received<Pick<Schemas['TenantSummary'], 'id' | 'name' | 'status'>, 'id' | 'name' | 'status'>;
export type Me = Omit<
  Received<Schemas['MeResponse'], 'id' | 'tenantId' | 'email' | 'firstName' | 'lastName' | 'roles'>,
  'roles' | 'tenant'
> & { roles: Role[]; tenant: MeTenant };

export type User = Received<
  Schemas['UserResponse'],
  'id' | 'email' | 'firstName' | 'lastName' | 'fullName' | 'roles' | 'active' | 'createdAt' | 'updatedAt'
>;
export type UserPage = Paged<Schemas['CursorPageUserResponse'], User>;
export type CreateUserRequest = Omit<Schemas['CreateUserRequest'], 'roles'> & { roles: GrantableRole[] };
export type UpdateUserRequest = Schemas['UpdateUserRequest'];
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;

export type TeamSummary = Received<Schemas['TeamSummary'], 'id' | 'name' | 'memberCount' | 'createdAt' | 'updatedAt'>;
export type TeamMember = Received<Schemas['TeamMember'], keyof Schemas['TeamMember']>;
export type Team = Received<Omit<Schemas['TeamResponse'], 'members'>, 'id' | 'name' | 'createdAt' | 'updatedAt'> & {
  members: TeamMember[];
};
/** Create and update take the same body; a missing supervisorId means "no supervisor". */
export type TeamRequest = Schemas['CreateTeamRequest'] & Schemas['UpdateTeamRequest'];

export type Address = Received<Schemas['Address']>;
export type Branding = Received<Schemas['Branding'], 'primaryColor'>;
export type TenantSettings = Received<
  Omit<Schemas['TenantSettingsView'], 'address' | 'branding'>,
  'companyName' | 'timeZone' | 'locale' | 'version'
> & { address: Address; branding: Branding };
/** The whole profile; optional fields left out (or blank) are cleared, and `version` is the lock. */
export type TenantSettingsRequest = Schemas['TenantSettingsRequest'];

/** A flag's value: BOOLEAN, INTEGER or STRING flags (the document leaves it untyped). */
export type FlagValue = boolean | number | string;
export type FlagType = NonNullable<Schemas['FeatureFlagView']['type']>;
export type FeatureFlag = Received<
  Omit<Schemas['FeatureFlagView'], 'value' | 'defaultValue'>,
  'key' | 'type' | 'description' | 'overridden'
> & { value: FlagValue; defaultValue: FlagValue };

export type EntityType = NonNullable<Schemas['CustomFieldDefinition']['entity']>;
export type CustomFieldType = NonNullable<Schemas['CustomFieldDefinition']['type']>;
export type CustomField = Received<Schemas['CustomFieldDefinition'], keyof Schemas['CustomFieldDefinition']>;
/** Entity and type go as strings (so the server can name the allowed values); we only send valid ones. */
export type CreateCustomFieldRequest = Omit<Schemas['Create'], 'entity' | 'type'> & { entity: EntityType; type: CustomFieldType };
export type UpdateCustomFieldRequest = Omit<Schemas['Update'], 'type'> & { type?: CustomFieldType };

/**
 * An audit entry. `details` is a JSON object (e.g. `{"changes": {...}}`); the document describes
 * it as Jackson's JsonNode class, not as the JSON it holds.
 */
export type AuditEntry = Received<Omit<Schemas['AuditEntry'], 'details'>, 'id' | 'occurredAt' | 'action'> & {
  details: Record<string, unknown> | null;
};
export type AuditPage = Paged<Schemas['CursorPageAuditEntry'], AuditEntry>;
export type AuditQuery = NonNullable<paths['/api/settings/audit']['get']['parameters']['query']>;

const client = createClient<paths>({ baseUrl: window.location.origin, fetch: session.authorizedFetch });

/**
 * The body of a successful answer as `T` (see `Received` above), or an ApiError. `T` is stated by
 * each function below, because the generated answer types are looser than the wire.
 */
async function call<T>(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await pending;
  } catch {
    throw networkError();
  }
  if (result.error !== undefined || !result.response.ok) {
    throw problemFrom(result.error, result.response);
  }
  return result.data as T;
}

const byId = (id: string) => ({ params: { path: { id } } });

export const userService = {
  me: () => call<Me>(client.GET('/api/auth/me')),

  users: {
    list: (query: UserQuery) => call<UserPage>(client.GET('/api/users', { params: { query } })),
    get: (id: string) => call<User>(client.GET('/api/users/{id}', byId(id))),
    create: (body: CreateUserRequest) => call<User>(client.POST('/api/users', { body })),
    update: (id: string, body: UpdateUserRequest) => call<User>(client.PUT('/api/users/{id}', { ...byId(id), body })),
    changeRoles: (id: string, roles: GrantableRole[]) =>
      call<User>(client.PUT('/api/users/{id}/roles', { ...byId(id), body: { roles } })),
    /** null takes the user out of their team (sent as an absent teamId, which the service reads as null). */
    moveToTeam: (id: string, teamId: string | null) =>
      call<User>(client.PUT('/api/users/{id}/team', { ...byId(id), body: teamId === null ? {} : { teamId } })),
    deactivate: (id: string) => call<User>(client.POST('/api/users/{id}/deactivate', byId(id))),
    reactivate: (id: string) => call<User>(client.POST('/api/users/{id}/reactivate', byId(id))),
    remove: (id: string) => call<void>(client.DELETE('/api/users/{id}', byId(id))),
    changeOwnPassword: (currentPassword: string, newPassword: string) =>
      call<void>(client.POST('/api/users/me/password', { body: { currentPassword, newPassword } })),
  },

  teams: {
    list: () => call<TeamSummary[]>(client.GET('/api/teams')),
    get: (id: string) => call<Team>(client.GET('/api/teams/{id}', byId(id))),
    create: (body: TeamRequest) => call<Team>(client.POST('/api/teams', { body })),
    update: (id: string, body: TeamRequest) => call<Team>(client.PUT('/api/teams/{id}', { ...byId(id), body })),
    remove: (id: string) => call<void>(client.DELETE('/api/teams/{id}', byId(id))),
  },

  settings: {
    tenant: () => call<TenantSettings>(client.GET('/api/settings/tenant')),
    updateTenant: (body: TenantSettingsRequest) => call<TenantSettings>(client.PUT('/api/settings/tenant', { body })),
    features: () => call<FeatureFlag[]>(client.GET('/api/settings/features')),
    /** A partial update: flags not named keep their value. Answers with every flag. */
    updateFeatures: (values: Record<string, FlagValue>) =>
      call<FeatureFlag[]>(client.PUT('/api/settings/features', { body: values })),
    customFields: (entity: EntityType) =>
      call<CustomField[]>(client.GET('/api/settings/custom-fields', { params: { query: { entity } } })),
    createCustomField: (body: CreateCustomFieldRequest) =>
      call<CustomField>(client.POST('/api/settings/custom-fields', { body })),
    updateCustomField: (id: string, body: UpdateCustomFieldRequest) =>
      call<CustomField>(client.PUT('/api/settings/custom-fields/{id}', { ...byId(id), body })),
    removeCustomField: (id: string) => call<void>(client.DELETE('/api/settings/custom-fields/{id}', byId(id))),
    audit: (query: AuditQuery) => call<AuditPage>(client.GET('/api/settings/audit', { params: { query } })),
  },
};
