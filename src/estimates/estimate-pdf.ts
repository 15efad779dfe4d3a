// The estimate's PDF (pdfkit, standard fonts), drawn from its presentation (estimate-presentation.ts).
// Standard PDF fonts encode only WinAnsi: any other character (emoji, RTL overrides, CJK) is printed as
// '?'. The PDF is deterministic: dates come from the document, never the clock.
import PDFDocument from 'pdfkit';
import { estimatePresentation, type EstimateDocument } from './estimate-presentation.js';

// WinAnsi beyond Latin-1 that the standard fonts can print.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can print: tabs become spaces, other characters outside WinAnsi become '?'. */
export function winAnsiText(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (ch === '\t') out += ' ';
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

const PAGE_MARGIN = 50;
const FOOTER_SPACE = 30;
const COLUMNS = { description: 250, quantity: 50, unit: 40, unitPrice: 80, total: 75 } as const;

export interface RenderOptions {
  /** Deflate page streams (default true); tests turn it off to read the text. */
  compress?: boolean;
}

export async function renderEstimatePdf(doc: EstimateDocument, options: RenderOptions = {}): Promise<Buffer> {
  const view = estimatePresentation(doc);
  const created = new Date(doc.issuedAt ?? '1970-01-01T00:00:00Z');
  const pdf = new PDFDocument({
    size: 'A4',
    // The bottom margin keeps room for the footer, also when pdfkit flows a long text onto a new page.
    margins: { top: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN, bottom: PAGE_MARGIN + FOOTER_SPACE },
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: winAnsiText(view.heading),
      Author: winAnsiText(view.workspaceName),
      Creator: 'Spinney',
      Producer: 'Spinney',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const left = PAGE_MARGIN;
  const width = pdf.page.width - 2 * PAGE_MARGIN;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensureRoom = (height: number): boolean => {
    if (pdf.y + height <= bottom()) return false;
    pdf.addPage();
    return true;
  };
  const text = (value: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}) =>
    pdf.text(winAnsiText(value), x, y, opts);

  // Header: logo, workspace, estimate number, dates.
  let headerX = left;
  if (doc.logo?.png) {
    try {
      pdf.image(doc.logo.png, left, PAGE_MARGIN, { fit: [80, 50] });
      headerX = left + 90;
    } catch {
      // An unreadable logo is left out rather than failing the whole document.
    }
  }
  pdf.font('Helvetica-Bold').fontSize(16);
  text(view.workspaceName, headerX, PAGE_MARGIN, { width: width - (headerX - left) - 180 });
  pdf.font('Helvetica').fontSize(10);
  const metaX = left + width - 180;
  text(
    [view.heading, view.issuedOn ? `Issued ${view.issuedOn}` : 'Draft', view.validUntil ? `Valid until ${view.validUntil}` : '', `Status: ${view.state}`]
      .filter(Boolean)
      .join('\n'),
    metaX,
    PAGE_MARGIN,
    { width: 180, align: 'right' },
  );
  pdf.y = Math.max(pdf.y, PAGE_MARGIN + 60);

  // Customer and site.
  const blockY = pdf.y + 10;
  pdf.font('Helvetica-Bold');
  text('Prepared for', left, blockY);
  pdf.font('Helvetica');
  text([view.contact.name, view.contact.company ?? '', ...view.contact.address].filter(Boolean).join('\n'), left, pdf.y, { width: width / 2 - 10 });
  const afterContact = pdf.y;
  if (view.siteAddress.length) {
    pdf.font('Helvetica-Bold');
    text('Site', left + width / 2, blockY);
    pdf.font('Helvetica');
    text(view.siteAddress.join('\n'), left + width / 2, pdf.y, { width: width / 2 });
  }
  pdf.y = Math.max(afterContact, pdf.y) + 15;

  // Line table.
  const colX = {
    description: left,
    quantity: left + COLUMNS.description,
    unit: left + COLUMNS.description + COLUMNS.quantity,
    unitPrice: left + COLUMNS.description + COLUMNS.quantity + COLUMNS.unit,
    total: left + width - COLUMNS.total,
  };
  const tableHeader = () => {
    const y = pdf.y;
    pdf.font('Helvetica-Bold').fontSize(9);
    text('Description', colX.description, y, { width: COLUMNS.description - 5 });
    text('Qty', colX.quantity, y, { width: COLUMNS.quantity - 5, align: 'right' });
    text('Unit', colX.unit + 5, y, { width: COLUMNS.unit - 5 });
    text('Unit price', colX.unitPrice, y, { width: COLUMNS.unitPrice, align: 'right' });
    text('Total', colX.total, y, { width: COLUMNS.total, align: 'right' });
    pdf.moveTo(left, y + 12).lineTo(left + width, y + 12).lineWidth(0.5).stroke();
    pdf.y = y + 16;
    pdf.font('Helvetica').fontSize(9);
  };
  const row = (description: string, cells: { quantity?: string; unit?: string; unitPrice?: string; total: string }, bold = false) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const safe = winAnsiText(description);
    const height = pdf.heightOfString(safe, { width: COLUMNS.description - 5 }) + 4;
    if (ensureRoom(Math.min(height, bottom() - PAGE_MARGIN - 20))) tableHeader();
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const y = pdf.y;
    text(cells.quantity ?? '', colX.quantity, y, { width: COLUMNS.quantity - 5, align: 'right' });
    text(cells.unit ?? '', colX.unit + 5, y, { width: COLUMNS.unit - 5, lineBreak: false });
    text(cells.unitPrice ?? '', colX.unitPrice, y, { width: COLUMNS.unitPrice, align: 'right' });
    text(cells.total, colX.total, y, { width: COLUMNS.total, align: 'right' });
    // Description last: one taller than a page flows on by itself (no repeated header on that page).
    pdf.text(safe, colX.description, y, { width: COLUMNS.description - 5 });
    pdf.y = Math.max(pdf.y, y + 12) + 4;
  };

  tableHeader();
  for (const section of view.sections) {
    if (ensureRoom(30)) tableHeader();
    if (section.showOnlySectionTotal) {
      row(section.title, { total: section.total }, true);
      continue;
    }
    row(section.title, { total: '' }, true);
    for (const r of section.rows) {
      const marks = [
        r.optional ? (r.counted ? '[optional, included]' : '[optional, not included]') : '',
        r.alternative ? `[${r.alternative.choiceTitle}${r.alternative.picked ? ', chosen' : ', not chosen'}]` : '',
        r.discount ? `(discount ${r.discount})` : '',
      ].filter(Boolean);
      row(marks.length ? `${r.description} ${marks.join(' ')}` : r.description, {
        quantity: r.quantity,
        unit: r.unit,
        unitPrice: r.unitPrice,
        total: r.counted ? r.total : `(${r.total})`,
      });
    }
    row(`Section total: ${section.title}`, { total: section.total }, true);
  }

  // Totals.
  const totalLines: [string, string][] = [['Subtotal', view.totals.subtotal]];
  if (view.totals.discount) totalLines.push(['Discounts', `-${view.totals.discount}`]);
  totalLines.push(['Net', view.totals.net]);
  for (const tax of view.totals.taxes) totalLines.push([`Tax ${tax.rate} on ${tax.net}`, tax.tax]);
  totalLines.push(['Total', view.totals.grandTotal]);
  if (view.deposit) totalLines.push([`Deposit due${view.deposit.dueDate ? ` by ${view.deposit.dueDate}` : ''}`, view.deposit.amount]);
  ensureRoom(totalLines.length * 14 + 20);
  pdf.y += 10;
  for (const [label, amount] of totalLines) {
    const y = pdf.y;
    pdf.font(label === 'Total' ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    text(label, left + width - 330, y, { width: 240, align: 'right' });
    text(amount, left + width - 90, y, { width: 90, align: 'right' });
    pdf.y = y + 14;
  }

  // Terms and notes.
  for (const [title, body] of [['Terms', view.terms], ['Notes', view.notes]] as const) {
    if (!body) continue;
    ensureRoom(40);
    pdf.y += 10;
    pdf.font('Helvetica-Bold').fontSize(10);
    text(title, left, pdf.y);
    pdf.font('Helvetica').fontSize(9);
    text(body, left, pdf.y, { width });
  }

  // Certificate page: who accepted what, when, from where.
  if (view.acceptance) {
    const a = view.acceptance;
    pdf.addPage();
    pdf.font('Helvetica-Bold').fontSize(16);
    text('Certificate of acceptance', left, PAGE_MARGIN);
    pdf.moveDown();
    pdf.fontSize(10);
    for (const [label, value] of [
      ['Estimate', view.heading],
      ['Accepted by (typed name)', a.typedName],
      ['Accepted at', a.decidedAtText],
      ['Consent text', a.consentText],
      ['IP address', a.ip],
      ['User agent', a.userAgent],
      ['Content SHA-256', a.contentSha256],
    ] as const) {
      pdf.font('Helvetica-Bold');
      text(label, left, pdf.y, { width });
      pdf.font('Helvetica');
      text(value, left, pdf.y, { width });
      pdf.moveDown(0.5);
    }
  }

  // Footer on every page, written once the page count is known.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    const savedBottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('Helvetica').fontSize(8);
    const footer = [`${view.number} v${view.revision}`, `page ${i + 1} of ${range.count}`, view.shortHash ? `content ${view.shortHash}` : 'draft']
      .join(' · ');
    text(footer, left, pdf.page.height - PAGE_MARGIN, { width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = savedBottom;
  }
  pdf.end();
  return done;
}
