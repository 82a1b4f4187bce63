/**
 * The sentences of BillingExceptions, in one place so they read alike. Each says what
 * happened to the time and what a finance user can do about it.
 */
import type { Seconds } from '../schema/model';
import { hoursText } from '../core/money';

export const exceptionMessages = {
  noLineItem: (nodeId: string, seconds: Seconds): string =>
    `${hoursText(seconds)} on ${nodeId} found no order line item on the node or above it (times without order line item): add a collector line item, for example one without Assignee.`,
  overLimit: (seconds: Seconds): string =>
    `${hoursText(seconds)} exceed the MaxBillable cap of every matching line item and are not billed.`,
  unknownNode: (nodeId: string): string =>
    `Node ${nodeId} is not in ProjectTree: correct the NodeId or add the node.`,
  orderBilled: (orderId: string, seconds: Seconds): string =>
    `${hoursText(seconds)} landed on order ${orderId}, which is already billed (BillingMode Billed): not invoiced.`,
};
