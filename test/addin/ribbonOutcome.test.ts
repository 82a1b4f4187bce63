import { lastOutcome, publishOutcome, subscribeOutcome } from '../../src/taskpane/ribbonOutcome';

test('the pane sees the last outcome a command published, until it unsubscribes', () => {
  const seen: string[] = [];
  const unsubscribe = subscribeOutcome((outcome) => seen.push(`${outcome.kind}: ${outcome.title}`));
  publishOutcome({ title: '3 invoices generated', detail: 'INV-00001 to INV-00003', kind: 'success' });
  expect(lastOutcome()).toEqual({ title: '3 invoices generated', detail: 'INV-00001 to INV-00003', kind: 'success' });
  const snapshot = lastOutcome();
  expect(lastOutcome()).toBe(snapshot); // stable between publishes, as useSyncExternalStore needs

  unsubscribe();
  publishOutcome({ title: 'Nothing to bill', detail: 'No time is due up to 30 Nov 2026.', kind: 'warning' });
  expect(seen).toEqual(['success: 3 invoices generated']);
  expect(lastOutcome()?.title).toBe('Nothing to bill');
});

test('a listener that throws does not keep the others from hearing', () => {
  const heard: string[] = [];
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const first = subscribeOutcome(() => {
    throw new Error('broken pane');
  });
  const second = subscribeOutcome((outcome) => heard.push(outcome.title));
  publishOutcome({ title: 'Workbook has errors', detail: 'See BillingInputErrors.', kind: 'error' });
  expect(heard).toEqual(['Workbook has errors']);
  expect(error).toHaveBeenCalledTimes(1);
  first();
  second();
  error.mockRestore();
});
