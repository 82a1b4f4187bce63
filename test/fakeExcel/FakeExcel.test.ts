/// <reference types="office-js" />
import type { ExcelRun } from '../../src/excel/excelRun';
import { FakeExcel, FakeOfficeError } from './FakeExcel';

/** The error a promise rejects with, to check its code. */
async function failure(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FakeOfficeError);
    return error as FakeOfficeError;
  }
  throw new Error('expected a failure');
}

function smallBook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Sheet1');
  fake.addTable('Sheet1', 'Orders', 'A1', ['OrderId', 'Amount'], [['O1', 10], ['O2', 20]]);
  return fake;
}

describe('proxy semantics', () => {
  it('is an ExcelRun for the adapter', () => {
    const run: ExcelRun = new FakeExcel().run; // a compile-time check as much as a runtime one
    expect(typeof run).toBe('function');
  });

  it('throws PropertyNotLoaded when a property is read before load and sync', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B3');
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['OrderId', 'Amount'], ['O1', 10], ['O2', 20]]);
      expect(() => range.address).toThrow(/'address' is not available/);
    });
  });

  it('takes a load snapshot at its place in the queue', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Sheet1').getRange('B2');
      const before = cell.load('values');
      const after = context.workbook.worksheets.getItem('Sheet1').getRange('B2');
      cell.values = [[99]];
      after.load('values');
      await context.sync();
      expect(before.values).toEqual([[10]]);
      expect(after.values).toEqual([[99]]);
    });
  });

  it('applies writes only at sync', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B2').values = [[5]];
      expect(fake.cell('Sheet1', 2, 2)?.value).toBe(10);
      await context.sync();
      expect(fake.cell('Sheet1', 2, 2)?.value).toBe(5);
    });
  });

  it('resolves a range taken after a resize in the same batch to the new size', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const table = context.workbook.tables.getItem('orders');
      const oldBody = table.getDataBodyRange().load('address');
      table.resize('A1:B5');
      const newBody = table.getDataBodyRange().load('address');
      table.rows.add(undefined, [['O5', 50]]);
      const grown = table.getDataBodyRange().load('address, rowCount');
      await context.sync();
      expect(oldBody.address).toBe('Sheet1!A2:B3');
      expect(newBody.address).toBe('Sheet1!A2:B5');
      expect(grown.address).toBe('Sheet1!A2:B6');
      expect(grown.rowCount).toBe(5);
    });
    expect(fake.cell('Sheet1', 6, 1)?.value).toBe('O5');
  });

  it('refuses members it does not model with NotImplemented naming them', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1') as unknown as { getBoundingRect: unknown };
      expect(() => range.getBoundingRect).toThrow(expect.objectContaining({ code: 'NotImplemented', message: expect.stringContaining('Range.getBoundingRect') }));
      expect(() => { (range as unknown as { address: string }).address = 'B2'; }).toThrow(/read-only/);
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('valueTypes');
      expect((await failure(context.sync())).code).toBe('NotImplemented');
    });
  });

  it('loads navigation paths and collection items', async () => {
    const fake = smallBook();
    fake.addSheet('Time entries');
    fake.addTable('Time entries', 'TimeEntries', 'C3', ['Id', ''], []);
    await fake.run(async (context) => {
      const tables = context.workbook.tables.load('items/name, items/showHeaders, items/showTotals, items/worksheet/name');
      const sheetTables = context.workbook.worksheets.getItem('Time entries').tables.load(['items/name', 'count']);
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name, t.showHeaders, t.showTotals])).toEqual([
        ['Orders', 'Sheet1', true, false],
        ['TimeEntries', 'Time entries', true, false],
      ]);
      expect(sheetTables.count).toBe(1);
      expect(() => tables.items[0].id).toThrow(/'id' is not available/);
      const header = context.workbook.tables.getItem('TimeEntries').getHeaderRowRange().load('address, values');
      await context.sync();
      expect(header.address).toBe("'Time entries'!C3:D3");
      expect(header.values).toEqual([['Id', 'Column1']]);
    });
  });
});

describe('payload limits and failed syncs', () => {
  it('fails an oversized request and applies nothing of that batch', async () => {
    const fake = smallBook();
    const error = await failure(fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('D1').values = [['small write first']];
      sheet.getRange('A10:A600009').values = Array.from({ length: 600_000 }, () => ['0123456789']);
      await context.sync();
    }));
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.cell('Sheet1', 1, 4)).toBeUndefined();
    expect(fake.cell('Sheet1', 10, 1)).toBeUndefined();
    expect(fake.syncLog[0]).toMatchObject({ error: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.syncLog[0].requestBytes).toBeGreaterThan(5_000_000);
  });

  it('fails an oversized response and undoes the writes queued before it', async () => {
    const fake = smallBook();
    fake.setCells('Sheet1', 'D1', Array.from({ length: 300_000 }, () => ['a fairly long text value']));
    const error = await failure(fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B2').values = [[1234]];
      sheet.getRange('D1:D300000').load('values');
      await context.sync();
    }));
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(fake.cell('Sheet1', 2, 2)?.value).toBe(10);
  });

  it('refuses to read values of more than 5,000,000 cells', async () => {
    const fake = smallBook();
    const error = await failure(fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:E1000001').load('values');
      await context.sync();
    }));
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('fails syncs with writes while a cell is being edited, applying nothing', async () => {
    const fake = smallBook();
    fake.editingCellForSyncs = 1;
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A2').load('values');
      await context.sync(); // a read-only sync is not refused
      range.values = [['changed']];
      expect((await failure(context.sync())).code).toBe('InvalidOperationInCellEditMode');
      expect(fake.cell('Sheet1', 2, 1)?.value).toBe('O1');
      range.values = [['changed']];
      await context.sync();
    });
    expect(fake.cell('Sheet1', 2, 1)?.value).toBe('changed');
  });

  it('counts syncs, including the implicit one at the end of run, and logs suspensions', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      context.workbook.worksheets.getItem('Sheet1').getRange('C1').values = [['x']];
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('C2').values = [['y']];
    });
    await fake.run(async () => undefined); // nothing queued: no sync
    expect(fake.syncCount).toBe(2);
    expect(fake.syncLog.map((s) => s.screenUpdatingSuspended)).toEqual([true, false]);
    expect(fake.cell('Sheet1', 2, 3)?.value).toBe('y');
  });
});

describe('values as Office.js reads and writes them', () => {
  it('reads empty cells as "", leaves cells written as null, clears on ""', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A2:C2');
      range.values = [[null, '', 'new']];
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([['O1', '', 'new']]);
    });
  });

  it('types strings like Excel: numbers, booleans, ISO dates; text format keeps them', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('D1:G1').values = [['00123', 'TRUE', '2026-01-31', 'INV-1']];
      const text = sheet.getRange('D2');
      text.numberFormat = [['@']];
      text.values = [['00123']];
      await context.sync();
    });
    expect(fake.usedCells('Sheet1').filter((c) => c.column >= 4).map((c) => [c.address, c.value, c.numberFormat])).toEqual([
      ['Sheet1!D1', 123, 'General'], ['Sheet1!E1', true, 'General'], ['Sheet1!F1', 46053, 'yyyy-mm-dd'], ['Sheet1!G1', 'INV-1', 'General'],
      ['Sheet1!D2', '00123', '@'],
    ]);
  });

  it('refuses a values array of the wrong shape, and fills every cell from one value', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('D1:E2');
      range.values = [[1, 2]];
      expect((await failure(context.sync())).code).toBe('InvalidArgument');
      range.values = 7 as unknown as number[][];
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[7, 7], [7, 7]]);
    });
  });

  it('reports fills as Excel: one colour, null when mixed, white when none', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRanges('A1:B1, A3').format.fill.color = '#ffc7ce';
      sheet.getRange('B2').format.font.bold = true;
      const one = sheet.getRange('A1:B1').format.fill.load('color');
      const mixed = sheet.getRange('A1:A2').format.fill.load('color');
      const none = sheet.getRange('C1:C5').format.fill.load('color');
      const bold = sheet.getRange('B2:B3').format.font.load('bold');
      await context.sync();
      expect([one.color, mixed.color, none.color, bold.bold]).toEqual(['#FFC7CE', null, '#FFFFFF', null]);
    });
    expect(fake.cell('Sheet1', 3, 1)).toMatchObject({ value: 'O2', fill: '#FFC7CE' });
  });
});

describe('tables', () => {
  it('gives a table made of a header row one blank data row, which added rows fill first', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Invoices');
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Invoices');
      sheet.getRange('B2:C2').values = [['InvoiceNo', '']];
      const table = sheet.tables.add('Invoices!B2:C2', true);
      table.name = 'InvoiceRegister';
      const body = table.getDataBodyRange().load('address, values');
      await context.sync();
      expect(body.address).toBe('Invoices!B3:C3');
      expect(body.values).toEqual([['', '']]);
      table.rows.add(undefined, [['INV-1', 10], ['INV-2', 20]]);
      table.rows.add(undefined, [['INV-3', 30]]);
      table.columns.add(undefined, undefined, 'Paid');
      table.rows.load('count');
      await context.sync();
      expect(table.rows.count).toBe(3);
    });
    expect(fake.table('InvoiceRegister')).toMatchObject({ address: 'Invoices!B2:D5', headers: ['InvoiceNo', 'Column1', 'Paid'], rowCount: 3 });
  });

  it('finds tables case-insensitively and gives null objects for missing ones', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const missing = context.workbook.tables.getItemOrNullObject('Nope');
      const found = context.workbook.tables.getItemOrNullObject('ORDERS').load('name');
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      await context.sync();
      expect([missing.isNullObject, found.isNullObject, found.name]).toEqual([true, false, 'Orders']);
      context.workbook.tables.getItem('Nope').load('name');
      expect((await failure(context.sync())).code).toBe('ItemNotFound');
    });
  });

  it('shrinks a table when rows inside it are deleted with shift up', async () => {
    const fake = smallBook();
    fake.setCells('Sheet1', 'A5', [['below']]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2:B2').delete('Up');
      await context.sync();
    });
    expect(fake.table('Orders')).toMatchObject({ address: 'Sheet1!A1:B2', rowCount: 1 });
    expect(fake.cell('Sheet1', 2, 1)?.value).toBe('O2');
    expect(fake.cell('Sheet1', 4, 1)?.value).toBe('below');
  });

  it('inserts a header row for a table added without headers; adds columns and a total row', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    fake.setCells('S', 'A1', [['a', 'b'], [1, 2]]);
    const added: unknown[] = [];
    await fake.run(async (context) => {
      context.workbook.tables.onAdded.add(async (args) => {
        added.push(args);
      });
      const table = context.workbook.worksheets.getItem('S').tables.add('A1:B2', false);
      table.columns.add(undefined, [['Note'], ['x'], ['y']]);
      table.showTotals = true;
      const columns = table.columns.load('items/name');
      const total = table.getTotalRowRange().load('address');
      const secondBody = table.columns.getItem('column2').getDataBodyRange().load('values');
      await context.sync();
      expect(columns.items.map((c) => c.name)).toEqual(['Column1', 'Column2', 'Note']);
      expect(total.address).toBe('S!A4:C4');
      expect(secondBody.values).toEqual([['b'], [2]]);
    });
    await fake.whenEventsDelivered();
    expect(added).toEqual([expect.objectContaining({ type: 'TableAdded', tableId: '1' })]);
    expect(fake.table('Table1')).toMatchObject({ address: 'S!A1:C4', rowCount: 2, showTotals: true });
  });

  it('builds tables from raw tables, dates as serials', () => {
    const fake = FakeExcel.fromTables([
      { name: 'TimeEntries', sheet: 'Time entries', headerRow: 4, firstColumn: 2, headers: ['Id', 'Date'], rows: [['E1', new Date(Date.UTC(2025, 0, 1))], ['E2', null]] },
    ]);
    expect(fake.sheetNames()).toEqual(['Time entries']);
    expect(fake.table('TimeEntries')).toMatchObject({ address: "'Time entries'!B4:C6", rowCount: 2 });
    expect(fake.cell('Time entries', 5, 3)?.value).toBe(45658);
    expect(fake.cell('Time entries', 6, 3)).toBeUndefined();
  });
});

describe('events', () => {
  it('raises onChanged after a user edit and after a sync that edits a table, only with events enabled', async () => {
    const fake = smallBook();
    const seen: unknown[] = [];
    await fake.run(async (context) => {
      context.workbook.tables.getItem('Orders').onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await fake.userEdit('Sheet1', 'B3', [[25]]);
    expect(seen).toEqual([{ type: 'TableChanged', changeType: 'RangeEdited', source: 'Local', tableId: '1', worksheetId: expect.any(String), address: 'B3' }]);

    await fake.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem('Sheet1').getRange('A2:C3').values = [['a', 1, 'outside'], ['b', 2, 'outside']];
    });
    await fake.whenEventsDelivered();
    expect(seen).toHaveLength(1);

    await fake.run(async (context) => {
      context.runtime.enableEvents = true;
      context.workbook.worksheets.getItem('Sheet1').getRange('A2:C3').values = [['a', 1, 'outside'], ['b', 2, 'outside']];
    });
    await fake.whenEventsDelivered();
    expect(seen[1]).toMatchObject({ address: 'A2:B3' });
  });
});

describe('workbook odds and ends', () => {
  it('keeps settings, calculation mode, page layout, widths and the selection', async () => {
    const fake = smallBook();
    await fake.run(async (context) => {
      const workbook = context.workbook;
      workbook.settings.add('lastRun', { date: '2026-11-30' });
      workbook.application.calculationMode = 'Manual';
      const sheet = workbook.worksheets.add('Invoices');
      sheet.pageLayout.orientation = 'Landscape';
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.paperSize = 'A4';
      sheet.pageLayout.leftMargin = 36;
      sheet.pageLayout.setPrintArea('A1:D40');
      sheet.pageLayout.setPrintTitleRows('$5:$5');
      sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = 'Page &P of &N';
      sheet.getRange('B1:C1').format.columnWidth = 120;
      sheet.getRange('B4').select();
      const missing = workbook.settings.getItemOrNullObject('other');
      const setting = workbook.settings.getItemOrNullObject('lastRun').load('value');
      await context.sync();
      expect([missing.isNullObject, setting.value]).toEqual([true, { date: '2026-11-30' }]);
    });
    expect(fake.settings.get('lastRun')).toEqual({ date: '2026-11-30' });
    expect(fake.calculationMode).toBe('Manual');
    expect(fake.pageLayout('Invoices')).toEqual({
      orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, paperSize: 'A4',
      margins: { left: 36, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 }, printArea: 'A1:D40', printTitleRows: '$5:$5', centerFooter: 'Page &P of &N',
    });
    expect([fake.columnWidth('Invoices', 2), fake.columnWidth('Invoices', 4)]).toEqual([120, 48]);
    expect(fake.selection).toEqual({ sheet: 'Invoices', address: 'B4' });
  });

  it('reads and writes a 100,000 x 12 table in chunks within seconds', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => Array.from({ length: 12 }, (_, c) => (c === 0 ? `E${i}` : i + c)));
    const headers = Array.from({ length: 12 }, (_, c) => `H${c}`);
    const started = Date.now();
    const fake = FakeExcel.fromTables([{ name: 'TimeEntries', sheet: 'Time', headerRow: 1, firstColumn: 1, headers, rows }]);
    let total = 0;
    await fake.run(async (context) => {
      const body = context.workbook.tables.getItem('TimeEntries').getDataBodyRange();
      for (let top = 0; top < 100_000; top += 25_000) {
        const chunk = body.getRow(top).getResizedRange(24_999, 0).load('values');
        await context.sync();
        total += chunk.values.length;
        chunk.values = chunk.values.map((row) => row.map(() => null).map((v, c) => (c === 11 ? 'billed' : v)));
        await context.sync();
      }
    });
    expect(total).toBe(100_000);
    expect(fake.cell('Time', 100_001, 12)?.value).toBe('billed');
    expect(fake.cell('Time', 100_001, 11)?.value).toBe(100_009);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('copying sheets and inserting rows (the invoice template)', () => {
  /** A small template: a merged title, a repeated row with a format, a total below, a logo and a print area. */
  function templateBook(): FakeExcel {
    const fake = new FakeExcel();
    fake.addSheet('Template');
    fake.setCells('Template', 'A1', [['Title', null], [null, null], ['{Row}', 9.5], ['Total', 1]]);
    const sheet = fake.model.findSheet('Template')!;
    fake.model.putCell(sheet, 3, 2, { value: 9.5, numberFormat: '#,##0.00', bold: true });
    sheet.merges.push({ top: 1, left: 1, bottom: 1, right: 2 }, { top: 4, left: 1, bottom: 5, right: 1 });
    sheet.rowHeights.set(3, 30);
    sheet.columnWidths.set(1, 120);
    sheet.pictures.push({ name: 'Logo', row: 1, column: 3 }, { name: 'Signature', row: 6, column: 2 });
    sheet.pageLayout.printArea = 'A1:B6';
    sheet.pageLayout.printTitleRows = '$3:$3';
    return fake;
  }

  it('copies a sheet with everything it holds; the copy is its own, readable only after load and sync', async () => {
    const fake = templateBook();
    await fake.run(async (context) => {
      const copy = context.workbook.worksheets.getItem('Template').copy('End');
      expect(() => copy.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      copy.load('name');
      await context.sync();
      expect(copy.name).toBe('Template (2)');
      copy.name = 'INV-1';
      copy.getRange('A1').values = [['Changed']];
    });
    expect(fake.sheetNames()).toEqual(['Template', 'INV-1']);
    expect([fake.cell('Template', 1, 1)?.value, fake.cell('INV-1', 1, 1)?.value]).toEqual(['Title', 'Changed']);
    const copy = fake.model.findSheet('INV-1')!;
    expect(fake.cell('INV-1', 3, 2)).toMatchObject({ value: 9.5, numberFormat: '#,##0.00', bold: true });
    expect([copy.merges.length, copy.rowHeights.get(3), copy.columnWidths.get(1), copy.pictures.length, copy.pageLayout.printArea]).toEqual([2, 30, 120, 2, 'A1:B6']);
  });

  it('inserting whole rows moves everything below down and grows what spans them; copyFrom gives the new rows the row\'s formats, merges and height', async () => {
    const fake = templateBook();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Template');
      const inserted = sheet.getRange('4:5').insert('Down').load('address');
      await context.sync();
      expect(inserted.address).toBe('Template!4:5');
      sheet.getRange('4:5').copyFrom(sheet.getRange('3:3'), 'Formats');
    });
    const sheet = fake.model.findSheet('Template')!;
    expect(fake.cell('Template', 6, 1)?.value).toBe('Total');
    expect(fake.cell('Template', 5, 2)).toMatchObject({ value: '', numberFormat: '#,##0.00', bold: true });
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }, { top: 6, left: 1, bottom: 7, right: 1 }]);
    expect([...sheet.rowHeights].sort()).toEqual([[3, 30], [4, 30], [5, 30]]);
    expect(sheet.pictures.map((p) => p.row)).toEqual([1, 8]);
    expect([sheet.pageLayout.printArea, sheet.pageLayout.printTitleRows]).toEqual(['A1:B8', '$3:$3']);
  });

  it('a failed sync leaves the copy and the inserted rows undone', async () => {
    const fake = templateBook();
    const error = await failure(fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Template');
      sheet.copy('End');
      sheet.getRange('4:4').insert('Down');
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [[1]];
      await context.sync();
    }));
    expect(error.code).toBe('ItemNotFound');
    // Excel applies the steps before a failing one; a payload refusal would undo them all.
    expect(fake.sheetNames()).toEqual(['Template', 'Template (2)']);
    expect(fake.cell('Template', 5, 1)?.value).toBe('Total');
    const big = templateBook();
    await failure(big.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Template');
      sheet.copy('End');
      sheet.getRange('4:4').insert('Down');
      sheet.getRange('C1').values = [['x'.repeat(5_000_001)]];
      await context.sync();
    }));
    const template = big.model.findSheet('Template')!;
    expect([big.sheetNames(), big.cell('Template', 4, 1)?.value, template.merges[1], template.pictures[1].row]).toEqual([['Template'], 'Total', { top: 4, left: 1, bottom: 5, right: 1 }, 6]);
  });

  it('refuses what it does not model: a partial-row insert, copying a sheet with tables', async () => {
    const fake = templateBook();
    fake.addTable('Template', 'T', 'D1', ['A'], [[1]]);
    expect((await failure(fake.run(async (context) => {
      context.workbook.worksheets.getItem('Template').getRange('A4:B4').insert('Down');
    }))).code).toBe('NotImplemented');
    expect((await failure(fake.run(async (context) => {
      context.workbook.worksheets.getItem('Template').copy('End');
    }))).code).toBe('NotImplemented');
  });
});
