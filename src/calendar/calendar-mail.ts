// The text and HTML around an invite or a cancellation. The calendar itself (the part calendars act
// on) is the text/calendar alternative; this is what a reader without one sees. Values are escaped.
import { escapeHtml } from '../http/html.js';

export interface InviteMailInput {
  method: 'REQUEST' | 'CANCEL';
  /** True when the attendee was invited before: the message is an update. */
  update: boolean;
  workspaceName: string;
  attendeeName: string;
  title: string;
  /** When, as the event's zone reads it ("2027-03-28 09:30–10:30 (Europe/Berlin)"). */
  when: string;
  location: string | null;
  notes: string | null;
}

export function inviteMail(input: InviteMailInput): { subject: string; text: string; html: string } {
  const verb = input.method === 'CANCEL' ? 'Cancelled' : input.update ? 'Updated invitation' : 'Invitation';
  const subject = `${verb}: ${input.title} (${input.when})`;
  const lead = input.method === 'CANCEL' ? `${input.workspaceName} cancelled this event:` : `${input.workspaceName} invites you to:`;
  const lines = [`Hello ${input.attendeeName},`, '', lead, '', input.title, `When: ${input.when}`, ...(input.location ? [`Where: ${input.location}`] : []), ...(input.notes ? ['', input.notes] : [])];
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c2430">` +
    `<p>Hello ${escapeHtml(input.attendeeName)},</p><p>${escapeHtml(lead)}</p>` +
    `<p><strong>${escapeHtml(input.title)}</strong><br>When: ${escapeHtml(input.when)}${input.location ? `<br>Where: ${escapeHtml(input.location)}` : ''}</p>` +
    (input.notes ? `<p style="white-space:pre-wrap">${escapeHtml(input.notes)}</p>` : '') +
    `</body></html>`;
  return { subject, text: lines.join('\n'), html };
}
