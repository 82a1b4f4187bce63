/**
 * Ribbon commands in the shared runtime: each ExecuteFunction button of manifest.xml is
 * associated with its action here, when the page loads (Office looks the name up as soon as
 * the button is clicked). The actions themselves live in ribbonCommands.ts.
 */
import { publishOutcome } from '../taskpane/ribbonOutcome';
import { RIBBON_ACTION_IDS } from './ribbonActionIds';
import { ribbonActions } from './ribbonCommands';

const actions = ribbonActions({
  run: (batch) => Excel.run(batch),
  now: () => new Date(),
  publish: publishOutcome,
  showPane: () => Office.addin.showAsTaskpane(),
});

// Outside Excel (the pane's file mode in a plain browser, or office.js absent) there is no ribbon.
if (typeof Office !== 'undefined' && Office.actions) {
  for (const id of RIBBON_ACTION_IDS) Office.actions.associate(id, actions[id]);
}
