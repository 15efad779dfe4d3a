// The messages Spinney writes itself. Every value is inserted as text: escaped in the HTML part,
// as is in the plain one, so a name like `<script>` or `{{x}}` reaches the reader as typed.
import { escapeHtml } from '../http/html.js';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const layout = (paragraphs: string[], action: { label: string; url: string }): string =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c2430">${paragraphs.map((p) => `<p>${p}</p>`).join('')}` +
  `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#1f6feb;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(action.label)}</a></p>` +
  `<p style="color:#4f5b69;font-size:13px">Or paste this address into your browser: ${escapeHtml(action.url)}</p></body></html>`;

const day = (iso: string): string => iso.slice(0, 10);

/** The customer's estimate link. */
export function estimateLinkMail(input: { workspaceName: string; customerName: string; number: string; title: string; total: string; link: string; expiresAt: string }): MailContent {
  const subject = `Estimate ${input.number} from ${input.workspaceName}: ${input.title}`;
  const text = [
    `Hello ${input.customerName},`,
    '',
    `${input.workspaceName} sent you estimate ${input.number} (${input.title}), total ${input.total}.`,
    'Open it to see the details, choose options, and accept or decline:',
    input.link,
    '',
    `The link works until ${day(input.expiresAt)}. Reply to this message with any questions.`,
  ].join('\n');
  const html = layout(
    [
      `Hello ${escapeHtml(input.customerName)},`,
      `${escapeHtml(input.workspaceName)} sent you estimate <strong>${escapeHtml(input.number)}</strong> (${escapeHtml(input.title)}), total <strong>${escapeHtml(input.total)}</strong>.`,
      `Open it to see the details, choose options, and accept or decline. The link works until ${escapeHtml(day(input.expiresAt))}.`,
    ],
    { label: `Open estimate ${input.number}`, url: input.link },
  );
  return { subject, text, html };
}

/** An invitation to join a workspace: the invitee signs in with the invited address to accept. */
export function invitationMail(input: { workspaceName: string; role: string; email: string; appUrl: string; expiresAt: string }): MailContent {
  const subject = `You are invited to ${input.workspaceName} on Spinney`;
  const text = [
    `You are invited to join ${input.workspaceName} as ${input.role}.`,
    '',
    `To accept, sign in with your account for ${input.email} (Google, Microsoft or Apple) at:`,
    input.appUrl,
    '',
    `The invitation is valid until ${day(input.expiresAt)}. If you did not expect it, ignore this message.`,
  ].join('\n');
  const html = layout(
    [
      `You are invited to join <strong>${escapeHtml(input.workspaceName)}</strong> as ${escapeHtml(input.role)}.`,
      `To accept, sign in with your account for ${escapeHtml(input.email)} (Google, Microsoft or Apple). The invitation is valid until ${escapeHtml(day(input.expiresAt))}.`,
    ],
    { label: `Join ${input.workspaceName}`, url: input.appUrl },
  );
  return { subject, text, html };
}

/** A security notice to a member: what changed about their access, who did it and when; never a link that carries a secret. */
export function securityNoticeMail(input: { workspaceName: string; headline: string; details: string[]; appUrl: string }): MailContent {
  const subject = `Security notice from ${input.workspaceName} on Spinney: ${input.headline}`;
  const closing = 'If you did not expect this, contact an admin of the workspace. Spinney never asks for your password or a code by email.';
  const text = [`${input.headline}.`, '', ...input.details, '', closing, input.appUrl].join('\n');
  const html = layout([`<strong>${escapeHtml(input.headline)}.</strong>`, ...input.details.map(escapeHtml), escapeHtml(closing)], { label: `Open ${input.workspaceName}`, url: input.appUrl });
  return { subject, text, html };
}
