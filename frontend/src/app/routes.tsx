import type { RouteObject } from 'react-router';
import { RedirectIfSignedIn, RequireArea, RequireAuth } from '@/auth/guards';
import { AccountPage } from '@/features/account/AccountPage';
import { LoginPage } from '@/features/auth/LoginPage';
import { SignUpPage } from '@/features/auth/SignUpPage';
import { HomePage } from '@/features/home/HomePage';
import { AuditLogPage } from '@/features/settings/AuditLogPage';
import { CustomFieldsPage } from '@/features/settings/CustomFieldsPage';
import { FeatureFlagsPage } from '@/features/settings/FeatureFlagsPage';
import { TenantSettingsPage } from '@/features/settings/TenantSettingsPage';
import { TeamsPage } from '@/features/teams/TeamsPage';
import { UsersPage } from '@/features/users/UsersPage';
import { AppShell } from '@/shell/AppShell';
import { NotFoundPage } from '@/shell/NotFoundPage';

export const routes: RouteObject[] = [
  { path: '/login', element: <RedirectIfSignedIn><LoginPage /></RedirectIfSignedIn> },
  { path: '/signup', element: <RedirectIfSignedIn><SignUpPage /></RedirectIfSignedIn> },
  {
    path: '/',
    element: <RequireAuth><AppShell /></RequireAuth>,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'admin/users', element: <RequireArea area="users"><UsersPage /></RequireArea> },
      { path: 'admin/teams', element: <RequireArea area="teams"><TeamsPage /></RequireArea> },
      { path: 'admin/settings', element: <RequireArea area="tenantSettings"><TenantSettingsPage /></RequireArea> },
      { path: 'admin/features', element: <RequireArea area="featureFlags"><FeatureFlagsPage /></RequireArea> },
      { path: 'admin/custom-fields', element: <RequireArea area="customFields"><CustomFieldsPage /></RequireArea> },
      { path: 'admin/audit', element: <RequireArea area="audit"><AuditLogPage /></RequireArea> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
