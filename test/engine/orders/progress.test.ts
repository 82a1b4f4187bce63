/**
 * §5 Progress of a node (docs/billing-rules.md section 5): Completed or Closed count 100 %, a
 * Progress typed in the tree stands, a blank parent is the budget-value-weighted average of
 * its children, a blank leaf is 0 %.
 */
import type { OrderStatusRow } from '../../../src/engine/billingResult';
import { nodeProgress } from '../../../src/engine/projects/nodeProgress';
import { runBilling } from '../../../src/engine/runBilling';
import type { NodeKey } from '../../../src/schema/model';
import { billOn, workbook } from '../../builders/workbook';

const JUNE = billOn('2025-06-30');

const percentOf = (progress: Map<NodeKey, { mul(n: number): { toString(): string } }>, id: string) =>
  progress.get(id.toLowerCase() as NodeKey)?.mul(100).toString();

/** The Progress OrderStatus shows for O1 after a run on 30 June. */
const orderProgress = (book: ReturnType<ReturnType<typeof workbook>['build']>) =>
  (runBilling(book, JUNE).orderStatus.find((o) => o.orderId === 'O1') as OrderStatusRow).progress.toString();

describe('§5 Progress of a node: Completed or Closed is 100 %, a typed Progress stands, a blank parent is its children weighted by budget value, a blank leaf 0 %', () => {
  test('a blank parent is the budget-weighted average of its children', () => {
    // A: 10 h × 100 = 1000 at 50 %; B: 30 h × 100 = 3000 at 10 % -> (500 + 300) / 4000 = 20 %
    const b = workbook()
      .order('O1')
      .line('O1/1', { quantity: 10 })
      .line('O1/2', { quantity: 30 })
      .node('P')
      .node('A', { parent: 'P', lineItem: 'O1/1', progress: '0.5' })
      .node('B', { parent: 'P', lineItem: 'O1/2', progress: '0.1' })
      .build();
    expect(percentOf(nodeProgress(b), 'P')).toBe('20');
  });

  test('weights count line items docked anywhere below the child, at any depth', () => {
    // A holds A1 (1000, 100 %); B is a leaf with 1000 at 0 % -> 50 %
    const b = workbook()
      .order('O1')
      .line('O1/1', { quantity: 10 })
      .line('O1/2', { quantity: 10 })
      .node('P')
      .node('A', { parent: 'P', kind: 'Subproject' })
      .node('A1', { parent: 'A', lineItem: 'O1/1', status: 'Completed' })
      .node('B', { parent: 'P', lineItem: 'O1/2' })
      .build();
    expect(percentOf(nodeProgress(b), 'P')).toBe('50');
  });

  test('without any budget below the children, the plain average of their progress', () => {
    const b = workbook()
      .node('P')
      .node('A', { parent: 'P', progress: '0.2' })
      .node('B', { parent: 'P', progress: '0.6' })
      .node('C', { parent: 'P', progress: '0.1' })
      .build();
    expect(percentOf(nodeProgress(b), 'P')).toBe('30');
  });

  test('a child without budget weighs nothing once another child has budget', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { quantity: 10 })
      .node('P')
      .node('A', { parent: 'P', lineItem: 'O1/1', progress: '0.4' })
      .node('B', { parent: 'P', progress: '1' })
      .build();
    expect(percentOf(nodeProgress(b), 'P')).toBe('40');
  });

  test('a leaf left blank is 0 %', () => {
    expect(percentOf(nodeProgress(workbook()
      .node('P')
      .node('A', { parent: 'P' })
      .build()), 'A')).toBe('0');
  });

  test('Completed counts as 100 % whatever Progress says', () => {
    expect(percentOf(nodeProgress(workbook()
      .node('A', { status: 'Completed', progress: '0.3' })
      .build()), 'A')).toBe('100');
  });

  test('Closed counts as 100 % and lifts its blank parent', () => {
    const b = workbook()
      .node('P')
      .node('A', { parent: 'P', status: 'Closed' })
      .node('B', { parent: 'P' })
      .build();
    expect(percentOf(nodeProgress(b), 'P')).toBe('50');
  });

  test('a Progress typed on a parent stands over its children', () => {
    const b = workbook()
      .node('P', { progress: '0.9' })
      .node('A', { parent: 'P', progress: '0.1' })
      .build();
    expect(percentOf(nodeProgress(b), 'P')).toBe('90');
  });

  test('a collector docked on the parent itself weighs nothing among the children', () => {
    // the basic fee on P (Link MainProject) is not in any child's subtree
    const b = workbook()
      .order('O1')
      .line('O1/1', { quantity: 10 })
      .line('O1/2', { quantity: 90, link: 'MainProject' })
      .line('O1/3', { quantity: 30 })
      .node('P', { order: 'O1' })
      .node('A', { parent: 'P', lineItem: 'O1/1', progress: '1' })
      .node('B', { parent: 'P', lineItem: 'O1/3' })
      .build();
    expect(percentOf(nodeProgress(b), 'P')).toBe('25');
  });

  test("OrderStatus shows the project node's progress: a Completed child counts 100 % and a blank leaf 0 %, weighted by budget value, 25 %", () => {
    const book = workbook()
      .order('O1')
      .node('P1', { order: 'O1' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1', status: 'Completed', progress: '0.2' })
      .node('W2', { parent: 'P1', order: 'O1', lineItem: 'O1/2' })
      .line('O1/1', { price: '100', quantity: 10 })
      .line('O1/2', { price: '100', quantity: 30 })
      .build();
    expect(orderProgress(book)).toBe('0.25');
  });

  test('the weights are budget value (hours × price), not budget hours', () => {
    const book = workbook()
      .order('O1')
      .node('P1', { order: 'O1' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1', progress: '1' })
      .node('W2', { parent: 'P1', order: 'O1', lineItem: 'O1/2' })
      .line('O1/1', { price: '300', quantity: 10 })
      .line('O1/2', { price: '100', quantity: 10 })
      .build();
    expect(orderProgress(book)).toBe('0.75');
  });
});
