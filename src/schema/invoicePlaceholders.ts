/**
 * The placeholders an `InvoiceTemplate` sheet may hold (docs/invoice-documents.md, "The
 * firm's own template"), each with the kind of value it is written as. The schema checks a
 * template against this list; the engine fills every name on it (a Record over
 * PlaceholderName, so a name without a value does not compile).
 */

/** How a placeholder's value is written when it fills a cell alone. */
export type PlaceholderKind = 'text' | 'date' | 'money' | 'hours' | 'percent';

export const PLACEHOLDERS = {
  'Invoice.Number': 'text',
  'Invoice.Title': 'text',
  'Invoice.Date': 'date',
  'Invoice.DueDate': 'date',
  'Invoice.PeriodFrom': 'date',
  'Invoice.PeriodTo': 'date',
  'Invoice.Period': 'text',
  'Invoice.BuyerReference': 'text',
  'Invoice.Source': 'text',
  'Invoice.Currency': 'text',
  'Invoice.Kind': 'text',
  'Invoice.CreditedInvoice': 'text',
  'Invoice.CreditReason': 'text',
  'Invoice.PaymentReference': 'text',
  'Invoice.PaymentText': 'text',
  'Seller.CompanyName': 'text',
  'Seller.CompanyAddress': 'text',
  'Seller.CompanyVatId': 'text',
  'Seller.CompanyTaxNumber': 'text',
  'Seller.CompanyEmail': 'text',
  'Seller.CompanyPhone': 'text',
  'Seller.BankName': 'text',
  'Seller.Iban': 'text',
  'Seller.Bic': 'text',
  'Seller.InvoiceFooter': 'text',
  'Customer.LegalName': 'text',
  'Customer.Address': 'text',
  'Customer.Country': 'text',
  'Customer.VatId': 'text',
  'Customer.Email': 'text',
  'Customer.BuyerReference': 'text',
  'Totals.Net': 'money',
  'Totals.TaxRate': 'percent',
  'Totals.Tax': 'money',
  'Totals.Gross': 'money',
  'Row.Description': 'text',
  'Row.Quantity': 'hours',
  'Row.UnitPrice': 'money',
  'Row.Amount': 'money',
  'Row.Item': 'text',
  'Row.Person': 'text',
} as const satisfies Record<string, PlaceholderKind>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

/** True for the placeholders of the repeated row: one copy of the row per invoice row. */
export function isRowPlaceholder(name: PlaceholderName): boolean {
  return name.startsWith('Row.');
}

/** `{Group.Name}`, spaces inside the braces allowed; anything else in braces is plain text. */
export const PLACEHOLDER_PATTERN = /\{\s*([A-Za-z]+)\s*\.\s*([A-Za-z]+)\s*\}/g;

const BY_KEY = new Map<string, PlaceholderName>(PLACEHOLDER_NAMES.map((name) => [name.toLowerCase(), name]));

/** The placeholder `group.name` spells, ignoring case; undefined when there is none. */
export function findPlaceholder(group: string, name: string): PlaceholderName | undefined {
  return BY_KEY.get(`${group}.${name}`.toLowerCase());
}

/** The known placeholder closest to a misspelt one (at most three letters off), to suggest. */
export function closestPlaceholder(written: string): PlaceholderName | undefined {
  const wanted = written.toLowerCase();
  let best: PlaceholderName | undefined;
  let bestDistance = 4;
  for (const name of PLACEHOLDER_NAMES) {
    const d = editDistance(wanted, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
