/**
 * How the message catalogue tests walk a catalogue (docs/billing-engine.md, "Messages"): every
 * code has a sentence (the samples must name one set of facts per code, or the test does not
 * compile), every sentence names the facts it is given and writes hours as decimals, and every
 * code is picked somewhere in src (a code nothing picks is a sentence no user can read).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A sentence, or a sentence with the code it is reported under. */
export type Said = string | { code: string; message: string };
export type Catalogue = Record<string, (...args: never[]) => Said>;
/** One set of facts per code of a catalogue: the compiler insists on every code. */
export type Samples<C extends Catalogue> = { [K in keyof C]: Parameters<C[K]> };

/** The catalogue, its file, one sample per code, and how a call site picks a code. */
export interface Walk<C extends Catalogue> {
  kind: string;
  file: string;
  sentences: C;
  samples: Samples<C>;
  /** How src picks a code: quoted ('Overrun') for the pickers that take a code, as a property for the rest. */
  picked: (code: string) => RegExp;
}

export const quoted = (code: string) => new RegExp(`'${code}'`);
export const property = (object: string) => (code: string) => new RegExp(`${object}\\.${code}\\b`);

export function walk<C extends Catalogue>(w: Walk<C>): Walk<Catalogue> {
  return w as unknown as Walk<Catalogue>;
}

/** Every .ts file under src, but the catalogue itself, as one text to search. */
function sourcesBut(file: string): string {
  const root = join(__dirname, '../..');
  const texts: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.tsx?$/.test(name) && relative(root, path) !== file) texts.push(readFileSync(path, 'utf8'));
    }
  };
  visit(join(root, 'src'));
  return texts.join('\n');
}

/** An issue code handed to a sentence (badCell's): the code it is said under, not a fact it repeats. */
const isIssueCode = (fact: unknown): fact is string => typeof fact === 'string' && /^[A-Z]+(_[A-Z]+)+$/.test(fact);

/** The plain facts a sentence is told (ids, names), which it should repeat. */
function textFacts(facts: readonly unknown[]): string[] {
  const texts = facts.flatMap((fact) => (typeof fact === 'string' ? [fact] : Array.isArray(fact) ? fact.filter((f): f is string => typeof f === 'string') : []));
  return texts.filter((text) => !isIssueCode(text));
}

/** One describe block per catalogue: each code's sentence, and each code's call site. */
export function describeCatalogues(walks: readonly Walk<Catalogue>[]): void {
  describe.each(walks.map((w) => [w.kind, w] as const))('the %s catalogue', (_kind, w) => {
    const codes = Object.keys(w.sentences);
    const sources = sourcesBut(w.file);

    it.each(codes)('%s has a sentence that names what it is told', (code) => {
      const facts = w.samples[code] as unknown[];
      const said = w.sentences[code](...(facts as never[]));
      const sentence = typeof said === 'string' ? said : said.message;
      if (typeof said !== 'string') {
        expect(said.code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
        const handed = facts.find(isIssueCode);
        if (handed !== undefined) expect(said.code).toBe(handed);
      }
      expect(sentence.trim()).toBe(sentence);
      expect(sentence.length).toBeGreaterThan(0);
      // Quoted values are clipped and quoted by the schema's sentences; the rest say them as given.
      for (const fact of textFacts(facts)) expect(sentence).toContain(fact.length > 80 ? fact.slice(0, 80) : fact);
      // One voice for a duration: decimal hours ("1.50 h"), never "1:30 h".
      expect(sentence).not.toMatch(/\d+:\d\d h\b/);
    });

    it.each(codes)('%s is picked by a call site in src', (code) => {
      expect(sources).toMatch(w.picked(code));
    });
  });
}
