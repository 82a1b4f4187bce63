/**
 * The ribbon's ExecuteFunction names: manifest.xml's `<FunctionName>` values, each registered
 * with `Office.actions.associate` by src/commands. The manifest test checks both against this list.
 */
export const RIBBON_ACTION_IDS = ['generateInvoices', 'previewInvoices', 'createProject', 'openPane'] as const;

export type RibbonActionId = (typeof RIBBON_ACTION_IDS)[number];
