/**
 * The task pane bundle. Inside Excel it bills the open workbook; where Office reports no
 * host (a plain browser), or office.js did not load at all, it is the file mode: the same
 * pane over an .xlsx opened from disk. Fluent's light or dark theme follows Office's theme
 * (or the browser's preference outside Office); its base font is Segoe UI, Office's own.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { billInWorker } from './billing/billInWorker';
import { BillingPane } from './components/BillingPane';
import { excelSource } from './source/excelSource';
import type { WorkbookSource } from './source/WorkbookSource';

/** Office's theme is dark when its body background is; outside Office, the browser's preference decides. */
function prefersDark(): boolean {
  const background = typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  const rgb = background && /^#?([0-9a-f]{6})$/i.exec(background.trim());
  if (rgb) {
    const value = parseInt(rgb[1], 16);
    const luminance = (0.299 * ((value >> 16) & 0xff) + 0.587 * ((value >> 8) & 0xff) + 0.114 * (value & 0xff)) / 255;
    return luminance < 0.5;
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** The open workbook when Office runs the page inside Excel; undefined in a plain browser. */
async function excelWorkbook(): Promise<WorkbookSource | undefined> {
  if (typeof Office === 'undefined') return undefined;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel ? excelSource((batch) => Excel.run(batch)) : undefined;
}

async function render(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  let excel: WorkbookSource | undefined;
  try {
    excel = await excelWorkbook();
  } catch (error) {
    console.warn('PSA Billing: Office did not start; the pane works on workbook files', error);
  }
  document.documentElement.dataset.psaMode = excel ? 'excel' : 'file';
  const dark = prefersDark();
  createRoot(container).render(
    // colorScheme also darkens what the browser draws itself (the date field's calendar button, scroll bars).
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh', colorScheme: dark ? 'dark' : 'light' }}>
      <BillingPane excel={excel} bill={billInWorker} />
    </FluentProvider>,
  );
}

void render();
