// Turning a received message (untrusted bytes) into what Spinney keeps: its headers, a text body,
// an HTML body that is safe to show, and its attachments (their bytes are checked and stored as
// files, or refused, by mailbox.service.ts). The HTML allowlist is strict: no scripts, styles,
// forms, frames or event handlers, no style attributes (no url()), no images (they would load a
// remote URL, a tracking pixel; each becomes "[image: alt]"), links kept only for http(s) and mailto (others become their text),
// opened without a referrer or opener.
import { simpleParser, type AddressObject } from 'mailparser';
import sanitizeHtml from 'sanitize-html';

export interface ParsedInbound {
  messageId: string | null;
  inReplyTo: string | null;
  /** In-Reply-To first, then References newest first: the order threading tries them in. */
  references: string[];
  from: { address: string; name: string | null };
  to: string[];
  subject: string;
  sentAt: string | null;
  text: string;
  html: string | null;
  attachments: InboundAttachment[];
}

/** An attachment as received: the name and type the sender declared (untrusted) and its bytes. */
export interface InboundAttachment {
  name: string | null;
  type: string;
  content: Buffer;
}

const MAX_SUBJECT = 500;
const MAX_TEXT = 1_000_000;
const MAX_HTML = 2_000_000;

const SAFE_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'a'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'template', 'svg', 'math'],
  transformTags: {
    // A link to anything but the web or an address (javascript:, data:, a relative URL) keeps its text only.
    a: (tagName, attribs) =>
      /^(https?:\/\/|mailto:)/i.test((attribs.href ?? '').trim()) ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } } : { tagName: 'span', attribs: {} },
    img: (_tagName, attribs) => ({ tagName: 'span', attribs: {}, text: `[image${attribs.alt ? `: ${attribs.alt}` : ''}]` }),
  },
};

/** Safe HTML for display from a message's HTML part (see the allowlist above). */
export function sanitizeInboundHtml(html: string): string {
  return sanitizeHtml(html.slice(0, MAX_HTML), SAFE_HTML);
}

const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A text body from sanitised HTML (a message with no text part of its own): block ends become line breaks. */
export function textOfHtml(safeHtml: string): string {
  const withBreaks = safeHtml.replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6]|blockquote|pre|table|dt|dd)>/gi, '$&\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} }).replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ESCAPED[entity] ?? entity);
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): { address: string; name: string | null }[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) => group.value).flatMap((a) => (a.address ? [{ address: a.address.toLowerCase(), name: a.name || null }] : []));

const messageIdsIn = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((id) => id.trim()).filter((id) => /^<[^<>\s]+>$/.test(id));

export async function parseInbound(source: Buffer): Promise<ParsedInbound> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const inReplyTo = messageIdsIn(parsed.inReplyTo)[0] ?? null;
  const references = [...(inReplyTo ? [inReplyTo] : []), ...messageIdsIn(parsed.references).reverse()];
  const from = addressesOf(parsed.from)[0] ?? { address: '', name: null };
  const html = typeof parsed.html === 'string' && parsed.html.length > 0 ? sanitizeInboundHtml(parsed.html) : null;
  const text = parsed.text?.trim() ? parsed.text : html ? textOfHtml(html) : '';
  return {
    messageId: messageIdsIn(parsed.messageId)[0] ?? null,
    inReplyTo,
    references: [...new Set(references)],
    from,
    to: [...addressesOf(parsed.to), ...addressesOf(parsed.cc)].map((a) => a.address),
    subject: (parsed.subject ?? '').slice(0, MAX_SUBJECT),
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    text: text.slice(0, MAX_TEXT),
    html,
    attachments: parsed.attachments.map((a) => ({ name: a.filename ?? null, type: a.contentType, content: a.content })),
  };
}
