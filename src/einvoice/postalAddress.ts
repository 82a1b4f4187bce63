/**
 * A postal address from the lines of one cell (Settings CompanyAddress, Customers Address),
 * split into the parts EN 16931 names: street (BT-35/BT-50), additional lines (BT-36/BT-51,
 * BT-162/BT-163), city (BT-37/BT-52), post code (BT-38/BT-53) and, when the last line names
 * a country, its code. docs/e-invoices.md, "Addresses".
 */

export interface PostalAddress {
  street?: string;
  additional?: string;
  third?: string;
  city?: string;
  postcode?: string;
  /** ISO 3166 code of a last line that names a country (`Germany`, `Österreich`). */
  country?: string;
}

/** Country names a last address line may hold, by their lower-case spelling. */
const COUNTRY_NAMES: Record<string, string> = {
  germany: 'DE', deutschland: 'DE', austria: 'AT', österreich: 'AT', switzerland: 'CH', schweiz: 'CH', suisse: 'CH',
  netherlands: 'NL', 'the netherlands': 'NL', nederland: 'NL', belgium: 'BE', belgië: 'BE', belgique: 'BE', france: 'FR',
  luxembourg: 'LU', italy: 'IT', italia: 'IT', spain: 'ES', españa: 'ES', denmark: 'DK', danmark: 'DK', poland: 'PL',
  polska: 'PL', sweden: 'SE', sverige: 'SE', 'united kingdom': 'GB', uk: 'GB', ireland: 'IE', 'czech republic': 'CZ',
  czechia: 'CZ', portugal: 'PT', finland: 'FI', norway: 'NO', norge: 'NO',
};

/** `24103 Kiel`, `A-6370 Kitzbühel`, `1234 AB Amsterdam`, `00-950 Warszawa`, `114 55 Stockholm`. */
const POSTCODE_FIRST = /^(\d{4} ?[A-Z]{2}(?= )|(?:[A-Z]{1,2}-)?\d{4,5}|\d{2}-\d{3}|\d{3} \d{2})\s+(\S.*)$/;
/** `Kiel 24103`. */
const POSTCODE_LAST = /^(\S.*?)\s+(\d{4,5})$/;

export function countryOfName(line: string): string | undefined {
  return COUNTRY_NAMES[line.trim().toLowerCase()];
}

export function parsePostalAddress(text: string | undefined): PostalAddress | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return undefined;
  const address: PostalAddress = {};
  const country = lines.length > 1 ? countryOfName(lines[lines.length - 1]) : undefined;
  if (country !== undefined) {
    address.country = country;
    lines.pop();
  }
  let cityLine = -1;
  for (let i = lines.length - 1; i >= 0 && cityLine < 0; i--) {
    const first = POSTCODE_FIRST.exec(lines[i]);
    const last = first ? null : POSTCODE_LAST.exec(lines[i]);
    if (first) [address.postcode, address.city] = [first[1], first[2]];
    else if (last) [address.city, address.postcode] = [last[1], last[2]];
    if (first || last) cityLine = i;
  }
  // No post code anywhere: the last line is the city.
  if (cityLine < 0 && lines.length > 1) {
    cityLine = lines.length - 1;
    address.city = lines[cityLine];
  }
  const streetLines = cityLine < 0 ? lines : lines.filter((_, i) => i !== cityLine);
  [address.street, address.additional, address.third] = [streetLines[0], streetLines[1], streetLines.slice(2).join(', ') || undefined];
  return address;
}
