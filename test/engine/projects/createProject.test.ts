import { createAllProjects, createProject, withNewNodes } from '../../../src/engine/projects/createProject';
import { indexProjects } from '../../../src/engine/projects/projectIndex';
import { workbook } from '../../builders/workbook';

/** The rows as "NodeId < ParentId : Kind [OrderId|LineItem|Section]" for compact expectations. */
const shape = (rows: ReturnType<typeof createProject>['nodes']) =>
  rows.map((r) => `${r.nodeId} < ${r.parentId} : ${r.kind} [${r.orderId}|${r.lineItem}|${r.section}]`);

describe('§1 Create project: one project per order, its nodes by ProjectRole and ProjectCreation', () => {
  test('a MainProject order becomes a new root carrying its OrderId, with a work package per Auto line', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { description: 'Design' })
      .line('O1/2')
      .build();
    const { nodes, issues } = createProject(b, 'O1');
    expect(issues).toEqual([]);
    expect(shape(nodes)).toEqual([
      'P-O1 <  : MainProject [O1||]',
      'P-O1-1 < P-O1 : WorkPackage [O1|O1/1|]',
      'P-O1-2 < P-O1 : WorkPackage [O1|O1/2|]',
    ]);
    expect(nodes.map((n) => n.name)).toEqual(['O1 Acme', 'Design', 'Consulting']);
    expect(nodes.every((n) => n.status === 'Open' && n.progress === '')).toBe(true);
  });

  test('Create project finds the order by its id compared like an id (trimmed, ignoring case)', () => {
    const b = workbook().order('O1').build();
    expect(shape(createProject(b, ' o1 ').nodes)).toEqual(['P-O1 <  : MainProject [O1||]']);
  });

  test('an unknown order id is an issue, not an exception', () => {
    const { nodes, issues } = createProject(workbook().order('O1').build(), 'O9');
    expect(nodes).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_ORDER']);
  });

  test('a Subproject order attaches under its ParentNode as a Subproject', () => {
    const b = workbook()
      .order('O2', { projectRole: 'Subproject', parentNode: 'ROOT' })
      .node('ROOT', { order: 'O1' })
      .build();
    expect(shape(createProject(b, 'O2').nodes)).toEqual(['P-O2 < ROOT : Subproject [O2||]']);
  });

  test('a WorkPackage order attaches under its ParentNode as a WorkPackage', () => {
    const b = workbook()
      .order('O3', { projectRole: 'WorkPackage', parentNode: 'sub' })
      .node('ROOT')
      .node('SUB', { parent: 'ROOT', kind: 'Subproject' })
      .build();
    expect(shape(createProject(b, 'O3').nodes)).toEqual(['P-O3 < SUB : WorkPackage [O3||]']);
  });

  test('a Subproject order without ParentNode makes nothing and names the ParentNode cell', () => {
    const b = workbook()
      .order('O0')
      .order('O2', { projectRole: 'Subproject' })
      .build();
    const { nodes, issues } = createProject(b, 'O2');
    expect(nodes).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'PARENT_NODE_REQUIRED', table: 'Orders', sheetRow: 3, tableRow: 2, column: 'ParentNode', rowId: 'O2' })]);
    expect(issues[0].message).toContain('ParentNode');
  });

  test('a ParentNode that is not in the tree makes nothing', () => {
    const b = workbook().order('O2', { projectRole: 'Subproject', parentNode: 'NOPE' }).build();
    const { nodes, issues } = createProject(b, 'O2');
    expect(nodes).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_PARENT_NODE']);
  });

  test('each section becomes a subproject under the project node and holds its lines\' work packages', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { section: 'Conception' })
      .line('O1/2')
      .line('O1/3', { section: 'Conception' })
      .line('O1/4', { section: 'Build Phase', projectCreation: 'None' })
      .build();
    expect(shape(createProject(b, 'O1').nodes)).toEqual([
      'P-O1 <  : MainProject [O1||]',
      'P-O1-Conception < P-O1 : Subproject [O1||Conception]',
      'P-O1-1 < P-O1-Conception : WorkPackage [O1|O1/1|]',
      'P-O1-2 < P-O1 : WorkPackage [O1|O1/2|]',
      'P-O1-3 < P-O1-Conception : WorkPackage [O1|O1/3|]',
      'P-O1-Build-Phase < P-O1 : Subproject [O1||Build Phase]',
    ]);
  });

  test('a line with ProjectCreation None creates nothing', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'None', link: 'MainProject' })
      .build();
    expect(shape(createProject(b, 'O1').nodes)).toEqual(['P-O1 <  : MainProject [O1||]']);
  });

  test('an Individual line waiting for InProgress is not created with the project', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Individual', createAtStatus: 'InProgress' })
      .build();
    expect(shape(createProject(b, 'O1').nodes)).toEqual(['P-O1 <  : MainProject [O1||]']);
  });

  test('an Individual line waiting for Open is created at once, the new project being Open', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Individual', createAtStatus: 'Open' })
      .build();
    expect(shape(createProject(b, 'O1').nodes)).toContain('P-O1-1 < P-O1 : WorkPackage [O1|O1/1|]');
  });

  test('a later Create project adds the Individual work package once the project node reached its status, and no second project', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1')
      .line('O1/2', { projectCreation: 'Individual', createAtStatus: 'InProgress', section: 'Rollout' })
      .node('P-O1', { order: 'O1', status: 'InProgress' })
      .node('P-O1-1', { parent: 'P-O1', order: 'O1', lineItem: 'O1/1' })
      .node('P-O1-Rollout', { parent: 'P-O1', order: 'O1', section: 'Rollout', kind: 'Subproject' })
      .build();
    const { nodes, issues } = createProject(b, 'O1');
    expect(shape(nodes)).toEqual(['P-O1-2 < P-O1-Rollout : WorkPackage [O1|O1/2|]']);
    expect(issues.map((i) => i.code)).toEqual(['PROJECT_EXISTS']);
  });

  test('a project node past the wanted status (Completed after InProgress) also releases the Individual work package', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Individual', createAtStatus: 'InProgress' })
      .node('P-O1', { order: 'O1', status: 'Completed' })
      .build();
    expect(shape(createProject(b, 'O1').nodes)).toEqual(['P-O1-1 < P-O1 : WorkPackage [O1|O1/1|]']);
  });

  test('a second Create project is refused with the existing node named, and makes nothing', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1')
      .node('PRJ-7', { order: 'O1' })
      .node('WP', { parent: 'PRJ-7', order: 'O1', lineItem: 'O1/1' })
      .build();
    const { nodes, issues } = createProject(b, 'O1');
    expect(nodes).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'PROJECT_EXISTS', table: 'Orders', column: 'OrderId', rowId: 'O1' })]);
    expect(issues[0].message).toContain('PRJ-7');
  });

  test('a Template line copies the template subtree as a subproject with its work packages', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Template', template: 'onboarding kit' })
      .node('TPL', { name: 'Onboarding Kit', status: 'Template' })
      .node('T-A', { parent: 'TPL', kind: 'WorkPackage', name: 'Kick-off' })
      .node('T-B', { parent: 'TPL', kind: 'WorkPackage', name: 'Training' })
      .build();
    const { nodes, issues } = createProject(b, 'O1');
    expect(issues).toEqual([]);
    expect(shape(nodes)).toEqual([
      'P-O1 <  : MainProject [O1||]',
      'P-O1-1 < P-O1 : Subproject [O1|O1/1|]',
      'P-O1-1-T-A < P-O1-1 : WorkPackage [||]',
      'P-O1-1-T-B < P-O1-1 : WorkPackage [||]',
    ]);
    expect(nodes.slice(1).map((n) => [n.name, n.status])).toEqual([['Onboarding Kit', 'Open'], ['Kick-off', 'Open'], ['Training', 'Open']]);
  });

  test('a Template line in a section is copied under the section\'s subproject, nested template nodes kept nested', () => {
    const b = workbook()
      .order('O1')
      .line('O1/5', { section: 'Rollout', projectCreation: 'Template', template: 'Kit', description: 'Rollout kit' })
      .node('KIT', { status: 'Template' })
      .node('K1', { parent: 'KIT', kind: 'Subproject' })
      .node('K2', { parent: 'K1', kind: 'WorkPackage' })
      .build();
    expect(shape(createProject(b, 'O1').nodes)).toEqual([
      'P-O1 <  : MainProject [O1||]',
      'P-O1-Rollout < P-O1 : Subproject [O1||Rollout]',
      'P-O1-5 < P-O1-Rollout : Subproject [O1|O1/5|]',
      'P-O1-5-K1 < P-O1-5 : Subproject [||]',
      'P-O1-5-K2 < P-O1-5-K1 : WorkPackage [||]',
    ]);
  });

  test('an Individual line without CreateAtStatus is created at once', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Individual' })
      .build();
    expect(shape(createProject(b, 'O1').nodes)).toContain('P-O1-1 < P-O1 : WorkPackage [O1|O1/1|]');
  });

  test('a Template line with a blank Template cell is an issue on that cell', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Template' })
      .build();
    expect(createProject(b, 'O1').issues).toEqual([expect.objectContaining({ code: 'TEMPLATE_REQUIRED', table: 'LineItems', column: 'Template', rowId: 'O1/1' })]);
  });

  test('a template is also found by its NodeId', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Template', template: 'tpl' })
      .node('TPL', { name: 'Onboarding', status: 'Template' })
      .node('T-A', { parent: 'TPL' })
      .build();
    expect(createProject(b, 'O1').nodes.map((n) => n.nodeId)).toEqual(['P-O1', 'P-O1-1', 'P-O1-1-T-A']);
  });

  test('a template that does not exist makes nothing and names the Template cell of the line', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1')
      .line('O1/2', { projectCreation: 'Template', template: 'Onboarding' })
      .node('X', { name: 'Onboarding' }) // a root that is not marked Template
      .build();
    const { nodes, issues } = createProject(b, 'O1');
    expect(nodes).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'UNKNOWN_TEMPLATE', table: 'LineItems', sheetRow: 3, tableRow: 2, column: 'Template', value: 'Onboarding', rowId: 'O1/2' })]);
  });

  test('new NodeIds never collide with existing ones, case-insensitively', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1')
      .node('p-o1')
      .node('P-O1-1')
      .build();
    expect(createProject(b, 'O1').nodes.map((n) => [n.nodeId, n.parentId])).toEqual([['P-O1#2', ''], ['P-O1-1#2', 'P-O1#2']]);
  });

  test('a section and a line with the same name get different NodeIds', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { section: '1' })
      .build();
    expect(createProject(b, 'O1').nodes.map((n) => n.nodeId)).toEqual(['P-O1', 'P-O1-1', 'P-O1-1#2']);
  });

  test('the new rows are recognised at once: each line docks on the node made for it', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { section: 'Conception' })
      .line('O1/2', { projectCreation: 'None', link: 'MainProject' })
      .line('O1/3', { projectCreation: 'None', link: 'Section', section: 'Conception' })
      .build();
    const after = withNewNodes(b, createProject(b, 'O1').nodes);
    const index = indexProjects(after);
    expect(after.lineItems.map((l) => index.dockingNodeOf(l)?.id)).toEqual(['P-O1-1', 'P-O1', 'P-O1-Conception']);
  });
});

describe('§1 Create all projects: every order without a project, and the Individual work packages now due', () => {
  test('Create all projects makes a project for every order without one and leaves the others alone', () => {
    const b = workbook()
      .order('O1')
      .order('O2')
      .order('O3')
      .line('O1/1')
      .line('O3/1')
      .node('P-O2', { order: 'O2' })
      .build();
    const { nodes, issues } = createAllProjects(b);
    expect(issues).toEqual([]);
    expect(nodes.map((n) => n.nodeId)).toEqual(['P-O1', 'P-O1-1', 'P-O3', 'P-O3-1']);
  });

  test('an order with an issue gets no rows while the other orders still get theirs', () => {
    const b = workbook()
      .order('O1', { projectRole: 'Subproject' })
      .order('O2')
      .build();
    const { nodes, issues } = createAllProjects(b);
    expect(nodes.map((n) => n.nodeId)).toEqual(['P-O2']);
    expect(issues.map((i) => [i.code, i.rowId])).toEqual([['PARENT_NODE_REQUIRED', 'O1']]);
  });

  test('Create all projects run again after the rows were appended makes nothing and reports nothing', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { section: 'S' })
      .build();
    const after = withNewNodes(b, createAllProjects(b).nodes);
    expect(createAllProjects(after)).toEqual({ nodes: [], issues: [] });
  });

  test('Create all projects adds the Individual work packages now due to orders that already have their project', () => {
    const b = workbook()
      .order('O1')
      .line('O1/1', { projectCreation: 'Individual', createAtStatus: 'InProgress' })
      .node('P-O1', { order: 'O1', status: 'InProgress' })
      .build();
    expect(createAllProjects(b)).toEqual({ nodes: [expect.objectContaining({ nodeId: 'P-O1-1', parentId: 'P-O1', lineItem: 'O1/1' })], issues: [] });
  });
});
