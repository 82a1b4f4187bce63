/**
 * The task pane bundle: renders the pane into taskpane.html once Office is ready, in Fluent's
 * light or dark theme to match Office's.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { OutcomePane } from './OutcomePane';

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

function render(): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={prefersDark() ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <OutcomePane />
    </FluentProvider>,
  );
}

void Office.onReady(render);
