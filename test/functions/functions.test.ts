/**
 * functions.ts, the entry points Excel calls: their metadata as custom-functions-metadata
 * generates it (ids, streaming, optional arguments), the id table index.ts associates, the
 * forwarding to the installed implementation, and Excel errors built with their messages.
 */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functions from '../../src/functions/functions';
import { toExcelValue } from '../../src/functions/excelErrors';
import { functionFailure } from '../../src/functions/functionMessages';
import { createPsaFunctions } from '../../src/functions/psaFunctions';
import { createWorkbookCache } from '../../src/functions/workbookCache';
import { countingReader, day, FakeInvocation, installCustomFunctionsStandIn, manualSchedule, rawWorkbook, settle, StandInError } from './functionsFixture';

installCustomFunctionsStandIn();

afterEach(() => functions.installPsaFunctions(undefined));

interface FunctionMetadata {
  id: string;
  name: string;
  options?: { stream?: boolean };
  parameters: { name: string; type?: string; optional?: boolean }[];
}

describe('metadata generated from the JSDoc', () => {
  let metadata: FunctionMetadata[];
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.join(__dirname, '../../src/functions/functions.ts'));
    expect(result.errors).toEqual([]);
    metadata = JSON.parse(result.metadataJson).functions;
  });

  test('one upper-case id per function, each associated by index.ts through FUNCTION_IDS', () => {
    expect(metadata.map((f) => f.id)).toEqual(['BALANCE', 'USED', 'UNBILLED', 'CANBILL', 'LINEITEM', 'ADVISE']);
    expect(Object.keys(functions.FUNCTION_IDS).sort()).toEqual(metadata.map((f) => f.id).sort());
  });

  test('every function streams', () => {
    expect(metadata.every((f) => f.options?.stream === true)).toBe(true);
  });

  test('dates are optional and of any type (serial or text); CANBILL reason is optional', () => {
    const params = (id: string) => metadata.find((f) => f.id === id)!.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}:${p.type}`);
    expect(params('BALANCE')).toEqual(['agreement:string', 'date?:any']);
    expect(params('USED')).toEqual(['agreement:string', 'from?:any', 'to?:any']);
    expect(params('CANBILL')).toEqual(['order:string', 'date?:any', 'reason?:boolean']);
    expect(params('ADVISE')).toEqual(['days:number', 'people:number', 'contacts:number', 'progressBilling:boolean']);
  });
});

describe('the entry points', () => {
  test('before startup installs them: #N/A saying so, never a throw', () => {
    const invocation = new FakeInvocation<number>();
    functions.balance('AGR-1', '', invocation as unknown as CustomFunctions.StreamingInvocation<number>);
    expect(invocation.last).toEqual(new StandInError('#N/A', 'PSA Billing is still starting: the value follows in a moment'));
  });

  test('forward to the installed implementation', async () => {
    const cache = createWorkbookCache(countingReader(rawWorkbook()).read);
    functions.installPsaFunctions(createPsaFunctions(cache, { today: () => day('2025-03-01'), schedule: manualSchedule().schedule }));
    const balance = new FakeInvocation<number>();
    const canBill = new FakeInvocation<boolean | string>();
    const advise = new FakeInvocation<string>();
    functions.balance('AGR-1', '2025-01-31', balance as unknown as CustomFunctions.StreamingInvocation<number>);
    functions.canBill('O-2', '', true, canBill as unknown as CustomFunctions.StreamingInvocation<boolean | string>);
    functions.advise(45, 1, 1, false, advise as unknown as CustomFunctions.StreamingInvocation<string>);
    await settle();
    expect([balance.last, canBill.last, advise.last]).toEqual([7.5, 'BillNow is not set', 'Project']);
  });
});

describe('excelErrors', () => {
  test('#N/A and #VALUE! keep their messages; values pass through', () => {
    expect(toExcelValue(functionFailure('NoOrder', 'O-9'))).toEqual(new StandInError('#N/A', 'No order O-9 in Orders'));
    expect(toExcelValue(functionFailure('FromAfterTo'))).toEqual(new StandInError('#VALUE!', 'From must not be after To'));
    expect(toExcelValue(7.5)).toBe(7.5);
    expect(toExcelValue(false)).toBe(false);
  });
});
