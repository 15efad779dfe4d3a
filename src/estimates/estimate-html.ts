// The customer's estimate page (/e/{link}): plain HTML from the same presentation the PDF prints,
// readable on a phone, working without any script (picks are a GET form, decisions POST forms).
// Every value is escaped; the page's only style is the one below, allowed by its hash in the CSP.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../http/html.js';
import type { EstimatePresentation } from './estimate-presentation.js';
import type { RevisionState } from './estimates.schemas.js';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2430;background:#f4f5f7}
main{max-width:46rem;margin:0 auto;padding:1rem}header,section,form,.notice{background:#fff;border:1px solid #d9dde3;border-radius:8px;padding:1rem;margin:0 0 1rem}
h1{font-size:1.35rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:0 0 .5rem}p{margin:.25rem 0}.muted{color:#4f5b69}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.4rem .25rem;border-bottom:1px solid #e7e9ed;vertical-align:top}td.n,th.n{text-align:right;white-space:nowrap}
tr.out td{color:#6b7480;text-decoration:line-through}.total{font-size:1.2rem;font-weight:700}
.notice{border-left:4px solid #1f6feb}.notice.bad{border-left-color:#b42318}.notice.good{border-left-color:#1a7f37}
label{display:block;margin:.35rem 0}input[type=text],textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #8a94a3;border-radius:6px}
button{font:inherit;padding:.6rem 1rem;border-radius:6px;border:1px solid #1f6feb;background:#1f6feb;color:#fff;margin:.5rem .5rem 0 0;min-height:44px}
button.secondary{background:#fff;color:#1f6feb}button.danger{background:#fff;color:#b42318;border-color:#b42318}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace}form.decide{background:none;border:0;padding:0}@media (max-width:30rem){th.u,td.u,th.p,td.p{display:none}}
`;

/** The page's Content-Security-Policy: no script at all, its one style by hash, forms to itself. */
export const ESTIMATE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;


const paragraphs = (text: string): string => text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');

export interface EstimatePageInput {
  /** The page's own path (/e/{link}): forms post to it. */
  path: string;
  state: RevisionState;
  canDecide: boolean;
  consentText: string;
  view: EstimatePresentation;
  /** A problem with the last submission, shown above the forms. */
  problem?: string | null;
}

const STATE_NOTICES: Partial<Record<RevisionState, { tone: string; text: string }>> = {
  accepted: { tone: 'good', text: 'You accepted this estimate. Thank you — a copy of the details is below.' },
  declined: { tone: 'bad', text: 'You declined this estimate.' },
  expired: { tone: 'bad', text: 'This estimate has expired and can no longer be accepted. Please contact us for a new one.' },
  withdrawn: { tone: 'bad', text: 'This estimate was withdrawn and can no longer be accepted.' },
  superseded: { tone: 'bad', text: 'This estimate was replaced by a newer version, which was sent separately. This version can no longer be accepted.' },
};

function itemsTable(view: EstimatePresentation, canDecide: boolean): string {
  return view.sections
    .map((section) => {
      const rows = section.rows
        .map((row) => {
          let pick = '';
          if (canDecide && row.optional) pick = `<label><input type="checkbox" name="opt" value="${escapeHtml(row.id)}"${row.counted ? ' checked' : ''}> Add this option</label>`;
          const tag = row.optional ? ' <span class="muted">(optional)</span>' : row.alternative ? ` <span class="muted">(${escapeHtml(row.alternative.choiceTitle)})</span>` : '';
          return `<tr${row.counted ? '' : ' class="out"'}><td>${escapeHtml(row.description).replace(/\n/g, '<br>')}${tag}${pick}</td><td class="n">${escapeHtml(row.quantity)}</td><td class="u">${escapeHtml(row.unit)}</td><td class="n p">${escapeHtml(row.unitPrice)}</td><td class="n">${escapeHtml(row.total)}</td></tr>`;
        })
        .join('');
      const body = section.showOnlySectionTotal ? '' : `<table><thead><tr><th>Item</th><th class="n">Qty</th><th class="u">Unit</th><th class="n p">Price</th><th class="n">Total</th></tr></thead><tbody>${rows}</tbody></table>`;
      return `<section><h2>${escapeHtml(section.title)}</h2>${body}<p class="n">Section total: <strong>${escapeHtml(section.total)}</strong></p></section>`;
    })
    .join('');
}

function alternatives(view: EstimatePresentation, canDecide: boolean): string {
  return view.alternatives
    .map((group) => {
      const choices = group.choices
        .map((choice) =>
          canDecide
            ? `<label><input type="radio" name="pick" value="${escapeHtml(`${group.id}:${choice.id}`)}"${choice.picked ? ' checked' : ''}> ${escapeHtml(choice.title)}</label>`
            : `<p>${choice.picked ? '<strong>' : ''}${escapeHtml(choice.title)}${choice.picked ? ' (chosen)</strong>' : ''}</p>`,
        )
        .join('');
      return `<fieldset><legend>${escapeHtml(group.title)}</legend>${choices}</fieldset>`;
    })
    .join('');
}

function totals(view: EstimatePresentation): string {
  const t = view.totals;
  const taxes = t.taxes.map((tax) => `<tr><td>Tax ${escapeHtml(tax.rate)} on ${escapeHtml(tax.net)}</td><td class="n">${escapeHtml(tax.tax)}</td></tr>`).join('');
  const discount = t.discount ? `<tr><td>Discounts</td><td class="n">-${escapeHtml(t.discount)}</td></tr>` : '';
  const deposit = view.deposit ? `<p>Deposit due${view.deposit.dueDate ? ` by ${escapeHtml(view.deposit.dueDate)}` : ''}: <strong>${escapeHtml(view.deposit.amount)}</strong></p>` : '';
  return `<section aria-label="Totals"><table><tbody><tr><td>Subtotal</td><td class="n">${escapeHtml(t.subtotal)}</td></tr>${discount}${taxes}<tr><td class="total">Total</td><td class="n total" data-total>${escapeHtml(t.grandTotal)}</td></tr></tbody></table>${deposit}</section>`;
}

/** The whole page. */
export function renderEstimatePage(input: EstimatePageInput): string {
  const { view, canDecide, path } = input;
  const notice = STATE_NOTICES[input.state];
  const problem = input.problem ? `<div class="notice bad" role="alert">${escapeHtml(input.problem)}</div>` : '';
  const header = `<header><p class="muted">${escapeHtml(view.workspaceName)}</p><h1>${escapeHtml(view.heading)}</h1>
<p>For ${escapeHtml(view.contact.name)}${view.contact.company ? `, ${escapeHtml(view.contact.company)}` : ''}</p>
${view.siteAddress.length ? `<p class="muted">Site: ${view.siteAddress.map(escapeHtml).join(', ')}</p>` : ''}
<p class="muted">${view.issuedOn ? `Issued ${escapeHtml(view.issuedOn)}. ` : ''}${view.validUntil ? `Valid until ${escapeHtml(view.validUntil)}.` : ''}</p>
${view.shortHash ? `<p class="muted">Fingerprint <span class="hash">${escapeHtml(view.shortHash)}</span></p>` : ''}</header>`;
  const state = notice ? `<div class="notice ${notice.tone}" role="status">${escapeHtml(notice.text)}</div>` : '';
  const acceptance = view.acceptance ? `<section><h2>Acceptance</h2><p>Accepted by ${escapeHtml(view.acceptance.typedName)} on ${escapeHtml(view.acceptance.decidedAtText)}.</p><p class="muted">${escapeHtml(view.acceptance.consentText)}</p></section>` : '';
  const terms = view.terms ? `<section><h2>Terms</h2>${paragraphs(view.terms)}</section>` : '';
  const notes = view.notes ? `<section><h2>Notes</h2>${paragraphs(view.notes)}</section>` : '';
  const content = `${itemsTable(view, canDecide)}${view.alternatives.length ? `<section><h2>Options</h2>${alternatives(view, canDecide)}</section>` : ''}${totals(view)}`;

  const decide = canDecide
    ? `<form class="decide" method="post" action="${escapeHtml(path)}/accept" aria-label="Accept">
${content}
<p><button type="submit" formmethod="get" formaction="${escapeHtml(path)}" formnovalidate class="secondary">Update total</button></p>
${terms}${notes}
<section><h2>Accept this estimate</h2>
<label for="typedName">Type your full name</label><input id="typedName" name="typedName" type="text" autocomplete="name" required minlength="2" maxlength="200">
<label><input type="checkbox" name="consent" value="yes" required> ${escapeHtml(input.consentText)}</label>
<button type="submit">Accept estimate</button></section></form>
<form method="post" action="${escapeHtml(path)}/decline" aria-label="Decline"><h2>Decline</h2>
<label for="reason">Reason (optional)</label><textarea id="reason" name="reason" rows="3" maxlength="2000"></textarea>
<button type="submit" class="danger">Decline estimate</button></form>`
    : `${content}${terms}${notes}`;

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><link rel="icon" href="data:,"><meta name="referrer" content="no-referrer"><title>${escapeHtml(view.heading)} — ${escapeHtml(view.workspaceName)}</title><style>${STYLE}</style></head>
<body><main>${header}${state}${problem}${acceptance}${decide}</main></body></html>`;
}

/** The page for a link that opens nothing (unknown, expired or revoked): says nothing about why. */
export function renderLinkNotFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><link rel="icon" href="data:,"><title>Link not valid</title><style>${STYLE}</style></head>
<body><main><div class="notice bad" role="alert"><h1>This link is not valid</h1><p>It may have expired or been replaced. Please contact the business that sent it.</p></div></main></body></html>`;
}
