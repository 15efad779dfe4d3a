// A revision as the customer sees it: the same rows, options and totals as their page and the PDF
// (sections showing only their total list no lines), computed by the one totals rule with the
// customer's picks when they decided, else the default choices.
import type { JSX } from 'preact';
import { shortHash } from '../../../../src/estimates/estimate-presentation.js';
import { computeEstimateTotals, type EstimateContent, type EstimateSelection, type EstimateTotals } from '../../../../src/estimates/totals.js';
import { formatDay, formatMoney } from '../leads/lead.js';
import type { EstimateDetail } from './estimate.js';

const percent = (bp: number): string => `${bp / 100}%`;

export function EstimatePreview({ estimate }: { estimate: EstimateDetail }): JSX.Element {
  const revision = estimate.revision;
  const content = revision.content as EstimateContent;
  const selection = (revision.decision?.selection ?? {}) as EstimateSelection;
  const totals = computeEstimateTotals(content, selection);
  const money = (minor: number) => formatMoney(minor, content.currency);
  const groups = content.alternativeGroups ?? [];
  const picked = (groupId: string) => selection.alternatives?.[groupId] ?? groups.find((g) => g.id === groupId)?.defaultChoice;
  return (
    <article class="estimate-preview" aria-label="As the customer sees it">
      <header>
        <h3>
          Estimate {estimate.number ?? '(numbered when sent)'} v{revision.revision}
        </h3>
        <p>
          For {revision.customer.name}
          {revision.customer.company ? `, ${revision.customer.company}` : ''}
        </p>
        {revision.customer.siteAddress.length > 0 && <p class="muted">Site: {revision.customer.siteAddress.join(', ')}</p>}
        {content.validUntil && <p class="muted">Valid until {formatDay(content.validUntil)}.</p>}
        {revision.contentSha256 && <p class="muted">Fingerprint <span class="estimate-hash">{shortHash(revision.contentSha256)}</span></p>}
      </header>
      {content.sections.map((section, s) => {
        const sectionTotals = totals.sections[s]!;
        return (
          <section key={s} class="estimate-preview-section">
            <h4>{section.title}</h4>
            {!section.showOnlySectionTotal && (
              <table class="table estimate-lines">
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col" class="estimate-number">Qty</th>
                    <th scope="col" class="estimate-unit">Unit</th>
                    <th scope="col" class="estimate-number estimate-price">Price</th>
                    <th scope="col" class="estimate-number">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {section.items.map((item, i) => {
                    const line = sectionTotals.lines[i]!;
                    const group = item.alternative ? groups.find((g) => g.id === item.alternative!.group) : undefined;
                    const choice = group?.choices.find((c) => c.id === item.alternative!.choice)?.title;
                    return (
                      <tr key={item.id} class={line.counted ? undefined : 'estimate-not-counted'}>
                        <td class="multiline">
                          {item.description}
                          {item.optional && <span class="muted"> (optional{line.counted ? ', picked' : ''})</span>}
                          {choice && <span class="muted"> ({choice})</span>}
                          {item.discount && <span class="muted"> · discount {item.discount.kind === 'percent' ? percent(item.discount.bp) : money(line.discount)}</span>}
                        </td>
                        <td class="estimate-number">{item.quantity}</td>
                        <td class="estimate-unit">{item.unit}</td>
                        <td class="estimate-number estimate-price">{money(item.unitPrice)}</td>
                        <td class="estimate-number">{money(line.total)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <p class="estimate-number">
              Section total: <strong>{money(sectionTotals.total)}</strong>
            </p>
          </section>
        );
      })}
      {groups.length > 0 && (
        <section class="estimate-preview-section">
          <h4>Options</h4>
          {groups.map((group) => (
            <p key={group.id}>
              {group.title}: {group.choices.map((c) => (c.id === picked(group.id) ? `${c.title} (chosen)` : c.title)).join(' · ')}
            </p>
          ))}
        </section>
      )}
      <TotalsList totals={totals} currency={content.currency} class="estimate-preview-totals" />
      {content.terms && (
        <section class="estimate-preview-section">
          <h4>Terms</h4>
          <p class="multiline">{content.terms}</p>
        </section>
      )}
      {content.notes && (
        <section class="estimate-preview-section">
          <h4>Notes</h4>
          <p class="multiline">{content.notes}</p>
        </section>
      )}
    </article>
  );
}

/** Subtotal, discounts, tax per rate, total and deposit, as the one totals rule computed them (the editor's live totals and the preview). */
export function TotalsList({ totals, currency, class: className }: { totals: EstimateTotals; currency: string; class?: string }): JSX.Element {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <dl class={className ? `details ${className}` : 'details'}>
      <div class="detail">
        <dt>Subtotal</dt>
        <dd>{money(totals.subtotal)}</dd>
      </div>
      {totals.discountTotal > 0 && (
        <div class="detail">
          <dt>Discounts</dt>
          <dd>-{money(totals.discountTotal)}</dd>
        </div>
      )}
      {totals.taxes.map((tax) => (
        <div class="detail" key={tax.rateBp}>
          <dt>
            Tax {percent(tax.rateBp)} on {money(tax.net)}
          </dt>
          <dd>{money(tax.tax)}</dd>
        </div>
      ))}
      <div class="detail">
        <dt>Total</dt>
        <dd class="estimate-grand-total" data-total-minor={totals.grandTotal}>
          {money(totals.grandTotal)}
        </dd>
      </div>
      {totals.deposit && (
        <div class="detail">
          <dt>Deposit{totals.deposit.dueDate ? ` due by ${formatDay(totals.deposit.dueDate)}` : ''}</dt>
          <dd>{money(totals.deposit.amount)}</dd>
        </div>
      )}
    </dl>
  );
}
