// Small builders for estimate content in tests: a line item with defaults, a section of lines.
import type { EstimateContent, EstimateLineItem, EstimateSection } from '../../src/estimates/totals.js';

let nextId = 0;
export function line(quantity: string, unitPrice: number, more: Partial<EstimateLineItem> = {}): EstimateLineItem {
  nextId += 1;
  return { id: `line-${nextId}`, description: 'work', quantity, unit: 'ea', unitPrice, taxRateBp: 0, ...more };
}

export function section(items: EstimateLineItem[], title = 'Works'): EstimateSection {
  return { title, showOnlySectionTotal: false, items };
}

export function estimate(currency: string, ...sections: EstimateSection[]): EstimateContent {
  return { currency, sections };
}
