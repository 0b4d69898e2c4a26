import createClient from 'openapi-fetch';
import { session } from '@/auth/sessionInstance';
import type { components, paths } from './generated/user-service';
import { byId, call } from './call';

/*
 * user-service's answers as they arrive on the wire, straight from its OpenAPI document: every
 * field of an answer is required (Jackson writes every record component) and typed `T | null`
 * exactly where the service may send null (`@Nullable` record components). Only what the document
 * cannot say is narrowed here: role names sent as strings, flag values of any JSON type, audit
 * details as a JSON object.
 */
type Schemas = components['schemas'];

export type Role = Schemas['UserResponse']['roles'][number];
/** The roles a tenant admin can grant (user-service's GRANTABLE_ROLE): not PLATFORM_ADMIN. */
export type GrantableRole = Exclude<Role, 'PLATFORM_ADMIN'>;

/**
 * The user of sign-in, refresh and /me. The document types these roles as plain strings (the
 * service writes them from `Role` names, see UserAccount.roleNames), so they are narrowed here.
 */
export type SessionUser = Omit<Schemas['UserSummary'], 'roles'> & { roles: Role[] };
export type TokenResponse = Omit<Schemas['TokenResponse'], 'user'> & { user: SessionUser };
export type RegisterRequest = Schemas['RegisterRequest'];

/** /api/auth/me's tenant: id, name, status. */
export type MeTenant = Schemas['SignedInTenant'];
export type Me = Omit<Schemas['MeResponse'], 'roles'> & { roles: Role[] };

export type User = Schemas['UserResponse'];
export type UserPage = Schemas['CursorPageUserResponse'];
export type CreateUserRequest = Omit<Schemas['CreateUserRequest'], 'roles'> & { roles: GrantableRole[] };
export type UpdateUserRequest = Schemas['UpdateUserRequest'];
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;

export type TeamSummary = Schemas['TeamSummary'];
export type TeamMember = Schemas['TeamMember'];
export type Team = Schemas['TeamResponse'];
/** Create and update take the same body; a missing supervisorId means "no supervisor". */
export type TeamRequest = Schemas['CreateTeamRequest'] & Schemas['UpdateTeamRequest'];

export type Address = Schemas['Address'];
export type Branding = Schemas['Branding'];
export type TenantSettings = Schemas['TenantSettingsView'];
/** The whole profile; optional fields left out (or blank) are cleared, and `version` is the lock. */
export type TenantSettingsRequest = Schemas['TenantSettingsRequest'];

/** A flag's value: BOOLEAN, INTEGER or STRING flags (the document leaves it untyped). */
export type FlagValue = boolean | number | string;
export type FlagType = Schemas['FeatureFlagView']['type'];
export type FeatureFlag = Omit<Schemas['FeatureFlagView'], 'value' | 'defaultValue'> & {
  value: FlagValue;
  defaultValue: FlagValue;
};

export type EntityType = Schemas['CustomFieldDefinition']['entity'];
export type CustomFieldType = Schemas['CustomFieldDefinition']['type'];
export type CustomField = Schemas['CustomFieldDefinition'];
/** Entity and type go as strings (so the server can name the allowed values); we only send valid ones. */
export type CreateCustomFieldRequest = Omit<Schemas['Create'], 'entity' | 'type'> & { entity: EntityType; type: CustomFieldType };
export type UpdateCustomFieldRequest = Omit<Schemas['Update'], 'type'> & { type?: CustomFieldType };

/**
 * An audit entry. `details` is a JSON object (e.g. `{"changes": {...}}`); the document says only
 * "any JSON value".
 */
export type AuditEntry = Omit<Schemas['AuditEntry'], 'details'> & {
  details: Record<string, unknown> | null;
};
export type AuditPage = Omit<Schemas['CursorPageAuditEntry'], 'items'> & { items: AuditEntry[] };
export type AuditQuery = NonNullable<paths['/api/settings/audit']['get']['parameters']['query']>;

const client = createClient<paths>({ baseUrl: window.location.origin, fetch: session.authorizedFetch });

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
