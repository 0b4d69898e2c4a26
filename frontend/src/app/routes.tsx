import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RedirectIfSignedIn, RequireArea, RequireAuth } from '@/auth/guards';
import { AccountPage } from '@/features/account/AccountPage';
import { LoginPage } from '@/features/auth/LoginPage';
import { SignUpPage } from '@/features/auth/SignUpPage';
import { HomePage } from '@/features/home/HomePage';
import { AppShell } from '@/shell/AppShell';
import { NotFoundPage } from '@/shell/NotFoundPage';
import { LoadingState } from '@/components/LoadingState';

// Screens load on first visit: most sessions are agents' and never open the admin ones, and the
// lead screens bring the drag-and-drop and form code with them.
const UsersPage = lazy(() => import('@/features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('@/features/teams/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const TenantSettingsPage = lazy(() => import('@/features/settings/TenantSettingsPage').then((m) => ({ default: m.TenantSettingsPage })));
const FeatureFlagsPage = lazy(() => import('@/features/settings/FeatureFlagsPage').then((m) => ({ default: m.FeatureFlagsPage })));
const CustomFieldsPage = lazy(() => import('@/features/settings/CustomFieldsPage').then((m) => ({ default: m.CustomFieldsPage })));
const LeadsPage = lazy(() => import('@/features/leads/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const LeadDetailPage = lazy(() => import('@/features/leads/LeadDetailPage').then((m) => ({ default: m.LeadDetailPage })));
const LeadFormPage = lazy(() => import('@/features/leads/LeadFormPage').then((m) => ({ default: m.LeadFormPage })));
const PipelinePage = lazy(() => import('@/features/pipeline/PipelinePage').then((m) => ({ default: m.PipelinePage })));
const ImportPage = lazy(() => import('@/features/imports/ImportPage').then((m) => ({ default: m.ImportPage })));
const AssignmentRulesPage = lazy(() => import('@/features/assignment/AssignmentRulesPage').then((m) => ({ default: m.AssignmentRulesPage })));
const AuditLogPage = lazy(() => import('@/features/settings/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));

const loading = (page: ReactNode) => <Suspense fallback={<LoadingState label="Loading page" />}>{page}</Suspense>;

export const routes: RouteObject[] = [
  { path: '/login', element: <RedirectIfSignedIn><LoginPage /></RedirectIfSignedIn> },
  { path: '/signup', element: <RedirectIfSignedIn><SignUpPage /></RedirectIfSignedIn> },
  {
    path: '/',
    element: <RequireAuth><AppShell /></RequireAuth>,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'leads', element: <RequireArea area="leads">{loading(<LeadsPage />)}</RequireArea> },
      { path: 'leads/new', element: <RequireArea area="leads">{loading(<LeadFormPage />)}</RequireArea> },
      { path: 'leads/:id', element: <RequireArea area="leads">{loading(<LeadDetailPage />)}</RequireArea> },
      { path: 'leads/:id/edit', element: <RequireArea area="leads">{loading(<LeadFormPage />)}</RequireArea> },
      { path: 'pipeline', element: <RequireArea area="pipeline">{loading(<PipelinePage />)}</RequireArea> },
      { path: 'import', element: <RequireArea area="leadImport">{loading(<ImportPage />)}</RequireArea> },
      { path: 'import/:id', element: <RequireArea area="leadImport">{loading(<ImportPage />)}</RequireArea> },
      { path: 'admin/assignment', element: <RequireArea area="assignmentRules">{loading(<AssignmentRulesPage />)}</RequireArea> },
      { path: 'admin/users', element: <RequireArea area="users">{loading(<UsersPage />)}</RequireArea> },
      { path: 'admin/teams', element: <RequireArea area="teams">{loading(<TeamsPage />)}</RequireArea> },
      { path: 'admin/settings', element: <RequireArea area="tenantSettings">{loading(<TenantSettingsPage />)}</RequireArea> },
      { path: 'admin/features', element: <RequireArea area="featureFlags">{loading(<FeatureFlagsPage />)}</RequireArea> },
      { path: 'admin/custom-fields', element: <RequireArea area="customFields">{loading(<CustomFieldsPage />)}</RequireArea> },
      { path: 'admin/audit', element: <RequireArea area="audit">{loading(<AuditLogPage />)}</RequireArea> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
