/**
 * A deterministic synthetic workbook for the benchmark: the same seed and sizes give the
 * same tables, cell for cell. Values arrive as Office.js hands them over (dates as Excel
 * serials, hours and money as numbers), so validation does its real work.
 *
 * Shape (defaults): 1,000 orders of 20 line items each (20,000 lines); every order a
 * four-level project tree (main project, section subprojects, work packages, sub-work-
 * packages); a few orders attached as extension subprojects under another order; caps
 * (MaxBillable per MaxPer) on some work packages, Category filters on others, an assignee
 * collector and a "rest" collector on most main projects. Orders without a rest collector
 * and entries on mistyped nodes leave some time that no line takes.
 */
import type { CellValue, RawTable, RawWorkbook } from '../src/schema/rawTable';

export interface SyntheticOptions {
  entries: number;
  orders?: number;
  linesPerOrder?: number;
  people?: number;
  seed?: number;
}

/** The date the benchmark bills as of: every entry lies on or before it. */
export const BENCH_BILLING_DATE = '2026-11-30';

/** mulberry32: small, fast and good enough to spread synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_DAY = 46023; // 2026-01-01
const LAST_DAY = 46356; // 2026-11-30
const INVOICE_TIMES = ['OneRowTotal', 'ByGroups', 'ByItems', 'ByTransactions', 'ByItemsPerson'];
const CATEGORIES = ['Development', 'Consulting', 'Meeting', 'Testing', 'Travel'];
const CAP_PERIODS = ['day', 'week', 'month', '2 weeks', 'quarter', ''];
const COMMENTS = Array.from({ length: 64 }, (_, i) => `Task ${i + 1}`);
const SECTIONS = ['Conception', 'Implementation', 'Rollout'];
const ITEM_COUNT = 60;
const GROUP_COUNT = 12;

function table(name: string, headers: string[], rows: CellValue[][]): RawTable {
  return { name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows };
}

interface Booking {
  nodeId: string;
  /** The line the node's time was made for, if any, to pick a matching category now and then. */
  category?: string;
}

export function syntheticWorkbook(options: SyntheticOptions): RawWorkbook {
  const orderCount = options.orders ?? 1000;
  const linesPerOrder = options.linesPerOrder ?? 20;
  const peopleCount = options.people ?? 200;
  const random = seededRandom(options.seed ?? 20261130);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number): boolean => random() < p;

  const people = Array.from({ length: peopleCount }, (_, i) => `Person ${i + 1}`);
  const items = Array.from({ length: ITEM_COUNT }, (_, i) => `Item ${i + 1}`);

  const settingsRows: CellValue[][] = [
    ['Currency', 'EUR'],
    ['InvoicePrefix', 'INV-'],
    ['InvoiceNumberWidth', 6],
    ['TaxRate', 0.19],
    ['InvoiceTimes', 'ByItems'],
    ['LowBalanceHours', 5],
  ];
  const peopleRows: CellValue[][] = people.map((p, i) => [p, 40 + (i % 50)]);
  const itemRows: CellValue[][] = items.map((item, i) => [item, `Group ${(i % GROUP_COUNT) + 1}`, 30 + (i % 20), 5, i % 7 === 0 ? 'Licences' : null]);

  const orderRows: CellValue[][] = [];
  const lineRows: CellValue[][] = [];
  const nodeRows: CellValue[][] = [];
  /** Nodes time is booked on, weighted by level: mostly (sub-)work packages. */
  const leafBookings: Booking[] = [];
  const upperBookings: Booking[] = [];

  for (let o = 1; o <= orderCount; o++) {
    const orderId = `O-${o}`;
    const mainNode = `P-${o}`;
    // Every 20th order extends the order before it, as a subproject under its main project.
    const isExtension = o % 20 === 0 && o > 1;
    const customer = `Customer ${((o - 1) % 400) + 1}`;
    orderRows.push([
      orderId, customer, pick(people),
      isExtension ? 'Subproject' : 'MainProject', isExtension ? `P-${o - 1}` : null,
      'Rules', pick(INVOICE_TIMES),
    ]);
    nodeRows.push([mainNode, isExtension ? `P-${o - 1}` : null, `Project ${o}`, isExtension ? 'Subproject' : 'MainProject', orderId, null, null, 'InProgress', null]);
    upperBookings.push({ nodeId: mainNode });

    const sectionCount = 2 + (o % 2);
    // Lines: collectors (2), one Section line per section, one Link None line, the rest work packages.
    const hasRestCollector = o % 10 !== 0;
    const collectorCount = hasRestCollector ? 2 : 1;
    const workPackages = linesPerOrder - collectorCount - sectionCount - 1;
    let line = 0;
    const pushLine = (cells: { section?: string; item: string; price: number; creation: string; link: string; maxBillable?: number; maxPer?: string; category?: string; assignee?: string; priority?: number; quantity?: number }): string => {
      line += 1;
      lineRows.push([
        orderId, line, cells.section ?? null, cells.item, `Line ${line} of ${orderId}`, cells.quantity ?? null, cells.price,
        cells.creation, cells.link, cells.priority ?? null, cells.maxBillable ?? null, cells.maxPer ?? null,
        cells.category ?? null, cells.assignee ?? null,
      ]);
      return `${orderId}/${line}`;
    };

    for (let s = 0; s < sectionCount; s++) {
      const section = SECTIONS[s];
      const sectionNode = `${mainNode}-S${s + 1}`;
      nodeRows.push([sectionNode, mainNode, section, 'Subproject', orderId, null, section, 'InProgress', null]);
      upperBookings.push({ nodeId: sectionNode });
      pushLine({ section, item: pick(items), price: 80, creation: 'None', link: 'Section', category: chance(0.5) ? 'Meeting' : undefined });
    }
    for (let w = 0; w < workPackages; w++) {
      const s = w % sectionCount;
      const section = SECTIONS[s];
      const capped = chance(0.15);
      const category = !capped && chance(0.15) ? pick(CATEGORIES) : undefined;
      const ref = pushLine({
        section, item: pick(items), price: 90 + Math.floor(random() * 60), creation: 'Auto', link: 'OriginalLineItem',
        quantity: 10 + Math.floor(random() * 90),
        maxBillable: capped ? pick([1, 2, 4, 8, 16]) : undefined,
        maxPer: capped ? pick(CAP_PERIODS) || undefined : undefined,
        category,
      });
      const wpNode = `${mainNode}-W${w + 1}`;
      nodeRows.push([wpNode, `${mainNode}-S${s + 1}`, `Work package ${w + 1}`, 'WorkPackage', orderId, ref, null, 'InProgress', Math.floor(random() * 100) / 100]);
      leafBookings.push({ nodeId: wpNode, category });
      // Sub-work-packages are typed in by hand: no order fields, time runs up to the work package.
      if (w % 3 === 0) {
        const subNode = `${wpNode}-${1}`;
        nodeRows.push([subNode, wpNode, `Task of work package ${w + 1}`, 'WorkPackage', null, null, null, 'Open', null]);
        leafBookings.push({ nodeId: subNode, category });
      }
    }
    pushLine({ item: pick(items), price: 90, creation: 'None', link: 'None' });
    pushLine({ item: pick(items), price: 160, creation: 'None', link: 'MainProject', assignee: pick(people) });
    if (hasRestCollector) pushLine({ item: pick(items), price: 110, creation: 'None', link: 'MainProject' });
  }

  const entryRows: CellValue[][] = new Array(options.entries);
  for (let e = 0; e < options.entries; e++) {
    const r = random();
    let nodeId: string;
    let category: string | undefined;
    if (r < 0.001) {
      nodeId = `P-${1 + Math.floor(random() * orderCount)}-X`; // mistyped: UnknownNode
    } else if (r < 0.85) {
      const booking = pick(leafBookings);
      nodeId = booking.nodeId;
      category = booking.category && chance(0.7) ? booking.category : undefined;
    } else {
      nodeId = pick(upperBookings).nodeId;
    }
    const day = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY + 1));
    const hours = (1 + Math.floor(random() * 32)) / 4; // 0.25 h .. 8 h in quarter hours
    entryRows[e] = [
      `E${e + 1}`, day, pick(people), nodeId, null, hours,
      category ?? pick(CATEGORIES), pick(COMMENTS),
      chance(0.05) ? false : true, chance(0.01) ? true : null, null,
    ];
  }

  return {
    tables: [
      table('Settings', ['Setting', 'Value'], settingsRows),
      table('People', ['Person', 'CostPerHour'], peopleRows),
      table('Items', ['Item', 'Group', 'CostPrice', 'ExtraCost', 'RevenueAccount'], itemRows),
      table('Orders', ['OrderId', 'Customer', 'Agent', 'ProjectRole', 'ParentNode', 'BillingMode', 'InvoiceTimes'], orderRows),
      table('LineItems', ['OrderId', 'Line', 'Section', 'Item', 'Description', 'Quantity', 'UnitPrice', 'ProjectCreation', 'Link', 'Priority', 'MaxBillable', 'MaxPer', 'Category', 'Assignee'], lineRows),
      table('ProjectTree', ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId', 'LineItem', 'Section', 'Status', 'Progress'], nodeRows),
      table('TimeEntries', ['EntryId', 'Date', 'Person', 'NodeId', 'Agreement', 'Hours', 'Category', 'Comment', 'Billable', 'SeparateRow', 'InvoiceNo'], entryRows),
    ],
  };
}
