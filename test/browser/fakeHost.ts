/**
 * The simulated Excel host for the browser test: bundled for the browser and served in
 * place of office.js, it puts the fake Excel (test/fakeExcel) behind the globals office.js
 * would define: `Office` (reporting the Excel host), `Excel.run` and `CustomFunctions`. The
 * test hands it the workbook's tables as `window.__psaFakeTables` before the page loads and
 * inspects the fake afterwards through `window.__psaFake`.
 */
import type { RawTable } from '../../src/schema/rawTable';
import { FakeExcel } from '../fakeExcel/FakeExcel';

interface FakeHostWindow {
  __psaFakeTables?: RawTable[];
  __psaFake?: FakeExcel;
  __psaAssociated?: string[];
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const host = window as unknown as FakeHostWindow;
const fake = FakeExcel.fromTables(host.__psaFakeTables ?? []);
host.__psaFake = fake;
host.__psaAssociated = [];

class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ready = { host: 'Excel', platform: 'OfficeOnline' };
host.Office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  onReady: (callback?: (info: typeof ready) => void) => {
    callback?.(ready);
    return Promise.resolve(ready);
  },
  context: { officeTheme: undefined },
  actions: { associate: (id: string) => host.__psaAssociated!.push(id) },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
host.Excel = { run: fake.run };
host.CustomFunctions = {
  associate: (id: string) => host.__psaAssociated!.push(id),
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
};
