import { parsePostalAddress } from '../../src/einvoice/postalAddress';

test.each([
  ['street, post code and city, and a country line', 'Hafenstraße 12\n24103 Kiel\nGermany', { street: 'Hafenstraße 12', city: 'Kiel', postcode: '24103', country: 'DE' }],
  ['an Austrian four-digit post code', 'Seestraße 3\n6370 Kitzbühel', { street: 'Seestraße 3', city: 'Kitzbühel', postcode: '6370' }],
  ['a Dutch post code with letters, and an extra line', 'Attn. Accounts\nKeizersgracht 1\n1015 CJ Amsterdam', { street: 'Attn. Accounts', additional: 'Keizersgracht 1', city: 'Amsterdam', postcode: '1015 CJ' }],
  ['the post code after the city', 'Main Street 5\nLuxembourg 1234', { street: 'Main Street 5', city: 'Luxembourg', postcode: '1234' }],
  ['no post code: the last line is the city', 'Rue de Rivoli 1\nParis', { street: 'Rue de Rivoli 1', city: 'Paris' }],
  ['one line: the street alone', 'Postfach 12', { street: 'Postfach 12' }],
])('%s', (_name, text, expected) => {
  const parsed = parsePostalAddress(text)!;
  const defined = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
  expect(defined).toEqual(expected);
});

test('a blank address is no address', () => {
  expect(parsePostalAddress(undefined)).toBeUndefined();
  expect(parsePostalAddress(' \n ')).toBeUndefined();
});
