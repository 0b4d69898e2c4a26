import { queryOptions } from '@tanstack/react-query';
import { userService, type AuditQuery, type EntityType } from '@/api/userService';

export const tenantSettingsQuery = queryOptions({
  queryKey: ['settings', 'tenant'],
  queryFn: () => userService.settings.tenant(),
  staleTime: 5 * 60_000,
});

export const featureFlagsQuery = queryOptions({
  queryKey: ['settings', 'features'],
  queryFn: () => userService.settings.features(),
});

export const customFieldsQuery = (entity: EntityType) =>
  queryOptions({
    queryKey: ['settings', 'custom-fields', entity],
    queryFn: () => userService.settings.customFields(entity),
  });

export const auditQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['settings', 'audit', query],
    queryFn: () => userService.settings.audit(query),
  });
