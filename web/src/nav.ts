// The app's sections, by group. A feature adds its screens to routes.tsx and its entry here; an
// entry shows only to roles whose permission (src/auth/permissions.ts) lets them use it.
import type { Permission } from '../../src/auth/permissions.js';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export const NAV: { label: string; items: NavItem[] }[] = [
  {
    label: 'Work',
    items: [
      { href: '/contacts', label: 'Contacts', permission: 'contacts:read' },
      { href: '/leads', label: 'Leads', permission: 'leads:read' },
      { href: '/estimates', label: 'Estimates', permission: 'estimates:read' },
      { href: '/calendar', label: 'Calendar', permission: 'calendar:read' },
      { href: '/mail', label: 'Mail', permission: 'mail:read' },
    ],
  },
  {
    label: 'Admin',
    items: [
      { href: '/admin/members', label: 'Members', permission: 'members:read' },
      { href: '/admin/sessions', label: 'Sessions', permission: 'members:read' },
      { href: '/admin/audit', label: 'Audit log', permission: 'audit:read' },
      { href: '/admin/secrets', label: 'Secrets', permission: 'vault:read' },
      { href: '/admin/integrations', label: 'Integrations', permission: 'integrations:read' },
      { href: '/admin/mailbox', label: 'Mailbox', permission: 'mailbox:read' },
      { href: '/admin/webhooks', label: 'Webhooks', permission: 'webhooks:read' },
      { href: '/admin/estimates', label: 'Estimate settings', permission: 'settings:read' },
      { href: '/admin/mail', label: 'Mail settings', permission: 'settings:read' },
      { href: '/admin/sign-in', label: 'Sign-in settings', permission: 'settings:read' },
      { href: '/admin/workspace', label: 'Export and deletion', permission: 'workspace:export' },
    ],
  },
  { label: 'You', items: [{ href: '/account/sessions', label: 'Your sessions', permission: 'session:self' }] },
];
