/**
 * The sentences of BillingExceptions, in one place so they read alike. Each says what
 * happened to the time and what a finance user can do about it.
 */
import type { Seconds } from '../schema/model';
import { hoursForDisplay } from './money';

const hours = (seconds: Seconds): string => hoursForDisplay(seconds).toFixed(2);

export const exceptionMessages = {
  noLineItem: (nodeId: string, seconds: Seconds): string =>
    `${hours(seconds)} h on ${nodeId} found no order line item on the node or above it (times without order line item): add a collector line item, for example one without Assignee.`,
  overLimit: (seconds: Seconds): string =>
    `${hours(seconds)} h exceed the MaxBillable cap of every matching line item and are not billed.`,
  unknownNode: (nodeId: string): string =>
    `Node ${nodeId} is not in ProjectTree: correct the NodeId or add the node.`,
  orderBilled: (orderId: string, seconds: Seconds): string =>
    `${hours(seconds)} h landed on order ${orderId}, which is already billed (BillingMode Billed): not invoiced.`,
};
