// What the mail screens share: the API's types and the words for a message's state.
import type { paths } from '../../api/schema.js';

export type MailSummary = paths['/api/v1/mail']['get']['responses'][200]['content']['application/json']['items'][number];
export type MailTemplate = paths['/api/v1/mail-templates']['get']['responses'][200]['content']['application/json']['items'][number];
export type MailSettings = paths['/api/v1/settings/mail']['get']['responses'][200]['content']['application/json'];
export type MailState = MailSummary['state'];

export const MAIL_STATES: Record<MailState, string> = { queued: 'Queued', sent: 'Sent', failed: 'Failed', cancelled: 'Cancelled' };
export const MAIL_KINDS: Record<MailSummary['kind'], string> = { message: 'Message', estimate: 'Estimate link', invitation: 'Invitation', calendar: 'Calendar invite', notice: 'Notice' };
