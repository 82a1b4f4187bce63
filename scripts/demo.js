#!/usr/bin/env node
/**
 * `npm run demo` (after `npm run build`): bills the bundled sample workbook through the real
 * command line, as of a fixed date so the output never changes, and prints a short summary:
 * invoices with customer and gross, exceptions by reason, agreement balances, and per order
 * its billing mode, whether it can bill and why not (OrderStatus).
 * The billed workbook is written to out/sample-billed.xlsx and its e-invoices to out/einvoices;
 * the sample itself is untouched.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const cli = path.join('dist', 'cli', 'main.js');
const input = path.join('assets', 'sample.xlsx');
const output = path.join('out', 'sample-billed.xlsx');
const billingDate = '2026-11-30';
const eInvoices = path.join('out', 'einvoices');

function fail(message) {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(1);
}

if (!fs.existsSync(path.join(repo, cli))) fail(`${cli} is missing: run npm run build first (npm run demo does).`);
fs.mkdirSync(path.join(repo, 'out'), { recursive: true });
// Only this run's e-invoices: files of an earlier demo would otherwise stay beside them.
fs.rmSync(path.join(repo, eInvoices), { recursive: true, force: true });

const args = [cli, 'generate', input, '--out', output, '--date', billingDate, '--einvoices', eInvoices, '--json'];
console.log(`$ psa-billing ${args.slice(1).join(' ')}`);
const run = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  fail(`the command line stopped with exit status ${run.status}.`);
}

let summary;
try {
  summary = JSON.parse(run.stdout);
} catch {
  fail(`the command line printed no JSON summary:\n${run.stdout}`);
}

const currency = summary.currency || 'EUR';
const money = (text) => (text === null || text === undefined ? '' : Number(text).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);

console.log(`\nBilled ${input} as of ${summary.billingDate}; result in ${output}\n`);

const invoices = summary.invoices || [];
const customerWidth = Math.max(24, ...invoices.map((i) => String(i.customer).length), ...(summary.orderStatus || []).map((o) => String(o.customer).length));
console.log(`Invoices (${invoices.length})`);
for (const invoice of invoices) {
  console.log(`  ${pad(invoice.invoiceNo, 10)} ${pad(invoice.kind, 8)} ${pad(invoice.customer, customerWidth)} ${pad(invoice.source, 7)} ${lpad(invoice.rows, 2)} ${invoice.rows === 1 ? 'row ' : 'rows'}   gross ${lpad(money(invoice.gross), 10)} ${currency}`);
}
if (summary.totals) {
  console.log(`  ${pad('', customerWidth + 46)} net ${money(summary.totals.net)}, tax ${money(summary.totals.tax)}, gross ${money(summary.totals.gross)} ${currency}`);
}

const exceptions = summary.exceptions || [];
const byReason = new Map();
for (const e of exceptions) byReason.set(e.reason, (byReason.get(e.reason) || 0) + 1);
console.log(`\nExceptions (${exceptions.length}): ${[...byReason].map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none'}`);
for (const e of exceptions) {
  const where = e.nodeId ? `node ${e.nodeId}` : e.agreement ? `agreement ${e.agreement}` : '';
  console.log(`  ${pad(e.entryId, 7)} ${e.date}  ${pad(e.person, 16)} ${lpad(e.hours, 5)} h  ${pad(e.reason, 18)} ${where}`);
}

if (summary.eInvoices) {
  const bySyntax = new Map();
  for (const f of summary.eInvoices.files) bySyntax.set(f.syntax, (bySyntax.get(f.syntax) || 0) + 1);
  console.log(`\nE-invoices (${summary.eInvoices.files.length}) in ${eInvoices}: ${[...bySyntax].map(([syntax, count]) => `${syntax} ${count}`).join(', ')}`);
  for (const w of summary.eInvoices.warnings) console.log(`  ${w}`);
}

const warnings = summary.warnings || [];
if (warnings.length > 0) {
  console.log(`\nWarnings (${warnings.length}): billed, but worth a look`);
  for (const w of warnings) console.log(`  ${w.cell ? `${w.cell}: ` : ''}${w.message}`);
}

const agreements = summary.agreements || [];
if (agreements.length > 0) {
  console.log('\nAgreement balances (hours)');
  console.log(`  ${pad('', 7)} ${pad('customer', 24)} ${lpad('initial', 7)} ${lpad('added', 6)} ${lpad('rolled', 7)} ${lpad('used', 6)} ${lpad('left', 6)} ${lpad('overrun', 7)}  deferred revenue`);
  for (const a of agreements) {
    const flags = [a.status !== 'Active' ? a.status : '', a.lowBalance ? 'LOW BALANCE' : ''].filter(Boolean).join(', ');
    console.log(
      `  ${pad(a.agreementId, 7)} ${pad(a.customer, 24)} ${lpad(a.initial, 7)} ${lpad(a.added, 6)} ${lpad(a.rolledOver, 7)} ${lpad(a.used, 6)} ${lpad(a.remaining, 6)} ${lpad(a.overrun, 7)}  ${lpad(money(a.deferredRevenue), 10)} ${currency}  ${flags}`.trimEnd(),
    );
  }
}

const orders = summary.orderStatus || [];
if (orders.length > 0) {
  console.log('\nOrder status (can the order bill as of the billing date, and if not, why)');
  console.log(`  ${pad('order', 7)} ${pad('customer', customerWidth)} ${pad('mode', 13)} ${pad('can bill', 8)}  reason`);
  for (const o of orders) {
    console.log(`  ${pad(o.orderId, 7)} ${pad(o.customer, customerWidth)} ${pad(o.billingMode, 13)} ${pad(o.canBill ? 'yes' : 'no', 8)}  ${o.reason}`.trimEnd());
  }
}

console.log(`\nOpen ${output} in Excel: one sheet per invoice, the Invoices, InvoiceLines, AgreementSummary, OrderStatus and`);
console.log('BillingExceptions tables (with each exception\'s message), and the InvoiceNo column of TimeEntries filled.');
console.log('docs/sample-workbook.md explains every figure.');
