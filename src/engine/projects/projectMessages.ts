/**
 * The sentences of Create project's issues (createProject.ts), one per issue code
 * (docs/billing-engine.md, "Messages"): each names the order or line item, the cell's column,
 * and what to do.
 */
import type { ProjectIssueCode } from './createProject';

export const projectIssueSentences = {
  UNKNOWN_ORDER: (orderId: string): string => `There is no order ${orderId} in Orders.`,
  PROJECT_EXISTS: (orderId: string, projectNodeId: string, addedWorkPackages: boolean): string =>
    `Order ${orderId} already has its project (node ${projectNodeId}); an order gets exactly one project, so no second one was made.`
    + (addedWorkPackages ? ' Individual work packages now due were added to it.' : ''),
  PARENT_NODE_REQUIRED: (orderId: string, projectRole: string): string =>
    `Order ${orderId} is to become a ${projectRole}, so ParentNode must name the project node it attaches under; it is blank.`,
  UNKNOWN_PARENT_NODE: (orderId: string, parentNode: string): string =>
    `Order ${orderId} attaches under ParentNode "${parentNode}", which is not a node in ProjectTree.`,
  TEMPLATE_REQUIRED: (lineRef: string): string =>
    `Line ${lineRef} is to be created from a template, but its Template cell is blank: name the template to copy.`,
  UNKNOWN_TEMPLATE: (lineRef: string, template: string): string =>
    `Line ${lineRef} names the template "${template}", which is not in ProjectTree: a template is a root node of Kind MainProject with Status Template, named by its NodeId or Name.`,
} satisfies Record<ProjectIssueCode, (...args: never[]) => string>;

export type ProjectIssueFacts<C extends ProjectIssueCode> = Parameters<(typeof projectIssueSentences)[C]>;

/** The sentence of one issue code. */
export function projectIssueMessage<C extends ProjectIssueCode>(code: C, ...facts: ProjectIssueFacts<C>): string {
  return (projectIssueSentences[code] as (...args: ProjectIssueFacts<C>) => string)(...facts);
}
