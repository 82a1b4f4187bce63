import { nodeProgress } from '../../../src/engine/projects/nodeProgress';
import type { NodeKey } from '../../../src/schema/model';
import { workbook } from '../../builders/workbook';

const percentOf = (progress: Map<NodeKey, { mul(n: number): { toString(): string } }>, id: string) =>
  progress.get(id.toLowerCase() as NodeKey)?.mul(100).toString();

describe('Progress rollup', () => {
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
});
