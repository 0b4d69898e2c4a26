import createClient from 'openapi-fetch';
import { session } from '@/auth/sessionInstance';
import type { components, paths } from './generated/user-service';
import { networkError, problemFrom } from './problem';

/**
 * user-service, as the SPA uses it: typed by the generated OpenAPI types, authorised and refreshed
 * by the session. Each function returns the body or throws an ApiError.
 */
type Schemas = components['schemas'];
export type User = Schemas['User'];
export type UserPage = Schemas['UserPage'];
export type Role = Schemas['Role'];
export type GrantableRole = Schemas['GrantableRole'];
export type CreateUserRequest = Schemas['CreateUserRequest'];
export type UpdateUserRequest = Schemas['UpdateUserRequest'];
export type Me = Schemas['MeResponse'];
export type TeamSummary = Schemas['TeamSummary'];
export type Team = Schemas['Team'];
export type TeamRequest = Schemas['TeamRequest'];
export type TenantSettings = Schemas['TenantSettings'];
export type TenantSettingsRequest = Schemas['TenantSettingsRequest'];
export type FeatureFlag = Schemas['FeatureFlag'];
export type FlagValue = Schemas['FlagValue'];
export type EntityType = Schemas['EntityType'];
export type CustomFieldType = Schemas['CustomFieldType'];
export type CustomField = Schemas['CustomField'];
export type CreateCustomFieldRequest = Schemas['CreateCustomFieldRequest'];
export type UpdateCustomFieldRequest = Schemas['UpdateCustomFieldRequest'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/settings/audit']['get']['parameters']['query']>;

const client = createClient<paths>({ baseUrl: window.location.origin, fetch: session.authorizedFetch });

async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
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
  me: () => call(client.GET('/api/auth/me')),

  users: {
    list: (query: UserQuery) => call(client.GET('/api/users', { params: { query } })),
    get: (id: string) => call(client.GET('/api/users/{id}', byId(id))),
    create: (body: CreateUserRequest) => call(client.POST('/api/users', { body })),
    update: (id: string, body: UpdateUserRequest) => call(client.PUT('/api/users/{id}', { ...byId(id), body })),
    changeRoles: (id: string, roles: GrantableRole[]) =>
      call(client.PUT('/api/users/{id}/roles', { ...byId(id), body: { roles } })),
    moveToTeam: (id: string, teamId: string | null) =>
      call(client.PUT('/api/users/{id}/team', { ...byId(id), body: { teamId } })),
    deactivate: (id: string) => call(client.POST('/api/users/{id}/deactivate', byId(id))),
    reactivate: (id: string) => call(client.POST('/api/users/{id}/reactivate', byId(id))),
    remove: (id: string) => call(client.DELETE('/api/users/{id}', byId(id))),
    changeOwnPassword: (currentPassword: string, newPassword: string) =>
      call(client.POST('/api/users/me/password', { body: { currentPassword, newPassword } })),
  },

  teams: {
    list: () => call(client.GET('/api/teams')),
    get: (id: string) => call(client.GET('/api/teams/{id}', byId(id))),
    create: (body: TeamRequest) => call(client.POST('/api/teams', { body })),
    update: (id: string, body: TeamRequest) => call(client.PUT('/api/teams/{id}', { ...byId(id), body })),
    remove: (id: string) => call(client.DELETE('/api/teams/{id}', byId(id))),
  },

  settings: {
    tenant: () => call(client.GET('/api/settings/tenant')),
    updateTenant: (body: TenantSettingsRequest) => call(client.PUT('/api/settings/tenant', { body })),
    features: () => call(client.GET('/api/settings/features')),
    updateFeatures: (values: Record<string, FlagValue>) => call(client.PUT('/api/settings/features', { body: values })),
    customFields: (entity: EntityType) =>
      call(client.GET('/api/settings/custom-fields', { params: { query: { entity } } })),
    createCustomField: (body: CreateCustomFieldRequest) =>
      call(client.POST('/api/settings/custom-fields', { body })),
    updateCustomField: (id: string, body: UpdateCustomFieldRequest) =>
      call(client.PUT('/api/settings/custom-fields/{id}', { ...byId(id), body })),
    removeCustomField: (id: string) => call(client.DELETE('/api/settings/custom-fields/{id}', byId(id))),
    audit: (query: AuditQuery) => call(client.GET('/api/settings/audit', { params: { query } })),
  },
};
