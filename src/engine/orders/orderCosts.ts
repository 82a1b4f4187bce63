/**
 * The cost of each order's time (docs/billing-rules.md section 4), for
 * OrderStatus: all its time dated up to the billing date, billable or not, invoiced earlier
 * or now, as recorded time × cost per hour. The rate is the person's CostPerHour, else
 * Settings DefaultCostPerHour, else the item's CostPrice + ExtraCost. Seconds are summed per
 * (order, cost rate) and each sum priced exactly, then the order's cost is rounded half-up to
 * cents once.
 */
import type { BillingWorkbook, OrderKey, PersonKey } from '../../schema/model';
import type { MatchedTime } from '../matchTimeEntries';
import { ZERO, roundCentsHalfUp, valueOfSeconds, type Decimal } from '../../core/money';
import type { OrderLineFacts } from './orderLineFacts';

/** Cost rates interned by their text: index = id. */
class CostRates {
  readonly rates: Decimal[] = [];
  private readonly ids = new Map<string, number>();
  id(rate: Decimal): number {
    const text = rate.toString();
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.rates.length;
      this.rates.push(rate);
      this.ids.set(text, id);
    }
    return id;
  }
}

/** Cost per order; orders without time are absent. */
export function costByOrder(book: BillingWorkbook, matched: MatchedTime, facts: OrderLineFacts): Map<OrderKey, Decimal> {
  const { transactions: tx, people } = matched;
  const rates = new CostRates();
  const defaultRate = book.settings.defaultCostPerHour === undefined ? undefined : rates.id(book.settings.defaultCostPerHour);
  const costPerHour = new Map<PersonKey, Decimal>();
  for (const person of book.people) if (person.costPerHour !== undefined) costPerHour.set(person.key, person.costPerHour);
  // Per person (MatchedTime.people index): its rate id, -1 without one; resolved when first met.
  const personRate = new Int32Array(people.length).fill(-2);
  const itemRate = new Map<string, number>();
  const secondsByOrder: (Map<number, number> | undefined)[] = new Array(book.orders.length);
  for (let t = 0; t < tx.count; t++) {
    const li = tx.line[t];
    const line = facts.lines[li];
    if (line.order < 0) continue;
    const person = tx.person[t];
    if (personRate[person] === -2) {
      const cost = costPerHour.get(people[person]);
      personRate[person] = cost === undefined ? -1 : rates.id(cost);
    }
    let rate = personRate[person] >= 0 ? personRate[person] : defaultRate;
    if (rate === undefined) {
      const itemKey = book.lineItems[li].item;
      rate = itemRate.get(itemKey);
      if (rate === undefined) {
        rate = rates.id((line.item?.costPrice ?? ZERO).plus(line.item?.extraCost ?? ZERO));
        itemRate.set(itemKey, rate);
      }
    }
    const seconds = (secondsByOrder[line.order] ??= new Map());
    seconds.set(rate, (seconds.get(rate) ?? 0) + tx.costSeconds[t]);
  }
  const costs = new Map<OrderKey, Decimal>();
  secondsByOrder.forEach((seconds, oi) => {
    if (seconds === undefined) return;
    let cost = ZERO;
    for (const [rate, s] of seconds) cost = cost.plus(valueOfSeconds(s, rates.rates[rate]));
    costs.set(book.orders[oi].key, roundCentsHalfUp(cost));
  });
  return costs;
}
