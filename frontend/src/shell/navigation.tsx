import AltRouteOutlined from '@mui/icons-material/AltRouteOutlined';
import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import ContactPhoneOutlined from '@mui/icons-material/ContactPhoneOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import ToggleOnOutlined from '@mui/icons-material/ToggleOnOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import ViewKanbanOutlined from '@mui/icons-material/ViewKanbanOutlined';
import type { ReactElement } from 'react';
import { canView, type Area } from '@/auth/access';
import type { Role } from '@/auth/session';

export interface NavItem {
  area: Area;
  label: string;
  path: string;
  icon: ReactElement;
}

export interface NavSection {
  title: string;
  items: NavItem[];
}

/** Only the areas that exist. Calls, HR and the rest join as their services go live. */
export const NAV_SECTIONS: NavSection[] = [
  {
    title: 'Workspace',
    items: [
      { area: 'home', label: 'Home', path: '/', icon: <DashboardOutlined /> },
      { area: 'leads', label: 'Leads', path: '/leads', icon: <ContactPhoneOutlined /> },
      { area: 'pipeline', label: 'Pipeline', path: '/pipeline', icon: <ViewKanbanOutlined /> },
      { area: 'leadImport', label: 'Import', path: '/import', icon: <UploadFileOutlined /> },
    ],
  },
  {
    title: 'Administration',
    items: [
      { area: 'users', label: 'Users', path: '/admin/users', icon: <PeopleAltOutlined /> },
      { area: 'teams', label: 'Teams', path: '/admin/teams', icon: <GroupsOutlined /> },
      { area: 'assignmentRules', label: 'Assignment rules', path: '/admin/assignment', icon: <AltRouteOutlined /> },
      { area: 'tenantSettings', label: 'Company settings', path: '/admin/settings', icon: <BusinessOutlined /> },
      { area: 'featureFlags', label: 'Feature flags', path: '/admin/features', icon: <ToggleOnOutlined /> },
      { area: 'customFields', label: 'Custom fields', path: '/admin/custom-fields', icon: <TuneOutlined /> },
      { area: 'audit', label: 'Audit log', path: '/admin/audit', icon: <HistoryOutlined /> },
    ],
  },
];

/** The sections and items a user's roles may open; empty sections are left out. */
export function navigationFor(roles: readonly Role[] | undefined): NavSection[] {
  return NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => canView(item.area, roles)),
  })).filter((section) => section.items.length > 0);
}
