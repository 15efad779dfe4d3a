// Every screen of the signed-in app: its path pattern, the permission it needs, and the component.
// The server answers each section's paths with the page (src/web/web.routes.ts, APP_SECTIONS);
// test/web/routes.part.ts checks that every pattern here is one of those sections.
import type { JSX } from 'preact';
import type { Permission } from '../../src/auth/permissions.js';
import { MySessions } from './screens/account/MySessions.js';
import { AllSessions } from './screens/admin/AllSessions.js';
import { AuditLog } from './screens/admin/AuditLog.js';
import { Integrations } from './screens/admin/Integrations.js';
import { Members } from './screens/admin/Members.js';
import { Secrets } from './screens/admin/Secrets.js';
import { SignInSettings } from './screens/admin/SignInSettings.js';
import { Webhooks } from './screens/admin/Webhooks.js';
import { Workspace } from './screens/admin/Workspace.js';
import { CalendarFeed } from './screens/calendar/CalendarFeed.js';
import { CalendarView } from './screens/calendar/CalendarView.js';
import { EventDetail } from './screens/calendar/EventDetail.js';
import { EventEdit, EventNew } from './screens/calendar/EventEditor.js';
import { ContactDetail } from './screens/contacts/ContactDetail.js';
import { ContactEdit, ContactNew } from './screens/contacts/ContactForm.js';
import { ContactList } from './screens/contacts/ContactList.js';
import { EstimateDetail } from './screens/estimates/EstimateDetail.js';
import { EstimateEdit, EstimateNew } from './screens/estimates/EstimateEditor.js';
import { EstimateList } from './screens/estimates/EstimateList.js';
import { EstimateSettings } from './screens/estimates/EstimateSettings.js';
import { ImportWizard } from './screens/import/ImportWizard.js';
import { LeadBoard } from './screens/leads/LeadBoard.js';
import { LeadDetail } from './screens/leads/LeadDetail.js';
import { LeadEdit, LeadNew } from './screens/leads/LeadForm.js';
import { LeadList } from './screens/leads/LeadList.js';
import { MailboxSettings } from './screens/mailbox/MailboxSettings.js';
import { ReceivedMessage } from './screens/mailbox/ReceivedMessage.js';
import { Compose } from './screens/mail/Compose.js';
import { MailSettings } from './screens/mail/MailSettings.js';
import { Outbox } from './screens/mail/Outbox.js';
import { Templates } from './screens/mail/Templates.js';
import { SearchResults } from './screens/search/SearchResults.js';
import { TranscriptNew } from './screens/transcripts/TranscriptNew.js';
import { TranscriptReader } from './screens/transcripts/TranscriptReader.js';

export interface ScreenRoute {
  pattern: string;
  permission: Permission;
  screen: (props: { params: Record<string, string> }) => JSX.Element;
}

export const ROUTES: ScreenRoute[] = [
  { pattern: '/contacts', permission: 'contacts:read', screen: ContactList },
  { pattern: '/contacts/new', permission: 'contacts:write', screen: ContactNew },
  { pattern: '/contacts/:contactId', permission: 'contacts:read', screen: ContactDetail },
  { pattern: '/contacts/:contactId/edit', permission: 'contacts:write', screen: ContactEdit },
  { pattern: '/contacts/:contactId/mail/:receivedMailId', permission: 'mail:read', screen: ReceivedMessage },
  { pattern: '/import', permission: 'imports:write', screen: ImportWizard },
  { pattern: '/leads', permission: 'leads:read', screen: LeadBoard },
  { pattern: '/leads/list', permission: 'leads:read', screen: LeadList },
  { pattern: '/leads/new', permission: 'leads:write', screen: LeadNew },
  { pattern: '/leads/:leadId', permission: 'leads:read', screen: LeadDetail },
  { pattern: '/leads/:leadId/edit', permission: 'leads:write', screen: LeadEdit },
  { pattern: '/estimates', permission: 'estimates:read', screen: EstimateList },
  { pattern: '/estimates/new', permission: 'estimates:write', screen: EstimateNew },
  { pattern: '/estimates/:estimateId', permission: 'estimates:read', screen: EstimateDetail },
  { pattern: '/estimates/:estimateId/edit', permission: 'estimates:write', screen: EstimateEdit },
  { pattern: '/calendar', permission: 'calendar:read', screen: CalendarView },
  { pattern: '/calendar/new', permission: 'calendar:write', screen: EventNew },
  { pattern: '/calendar/feed', permission: 'calendar:feed', screen: CalendarFeed },
  { pattern: '/calendar/:eventId', permission: 'calendar:read', screen: EventDetail },
  { pattern: '/calendar/:eventId/edit', permission: 'calendar:write', screen: EventEdit },
  { pattern: '/mail', permission: 'mail:read', screen: Outbox },
  { pattern: '/mail/new', permission: 'mail:send', screen: Compose },
  { pattern: '/mail/templates', permission: 'mail:read', screen: Templates },
  { pattern: '/search', permission: 'search:read', screen: SearchResults },
  { pattern: '/transcripts/new', permission: 'transcripts:write', screen: TranscriptNew },
  { pattern: '/transcripts/:transcriptId', permission: 'transcripts:read', screen: TranscriptReader },
  { pattern: '/account/sessions', permission: 'session:self', screen: MySessions },
  { pattern: '/admin/members', permission: 'members:read', screen: Members },
  { pattern: '/admin/sessions', permission: 'members:read', screen: AllSessions },
  { pattern: '/admin/audit', permission: 'audit:read', screen: AuditLog },
  { pattern: '/admin/secrets', permission: 'vault:read', screen: Secrets },
  { pattern: '/admin/sign-in', permission: 'settings:read', screen: SignInSettings },
  { pattern: '/admin/webhooks', permission: 'webhooks:read', screen: Webhooks },
  { pattern: '/admin/integrations', permission: 'integrations:read', screen: Integrations },
  { pattern: '/admin/mailbox', permission: 'mailbox:read', screen: MailboxSettings },
  { pattern: '/admin/mailbox/:receivedMailId', permission: 'mailbox:read', screen: ReceivedMessage },
  { pattern: '/admin/estimates', permission: 'settings:read', screen: EstimateSettings },
  { pattern: '/admin/mail', permission: 'settings:read', screen: MailSettings },
  { pattern: '/admin/workspace', permission: 'workspace:export', screen: Workspace },
];
