/**
 * File mode (outside Excel): open an .xlsx from disk. The file adapter, with exceljs, is
 * loaded only now, by a dynamic import, so the pane's first load stays small.
 */
import { useRef, useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { saveDownload } from '../saveDownload';
import type { WorkbookSource } from '../source/WorkbookSource';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  hidden: { display: 'none' },
});

export function OpenWorkbook({ onOpened, current }: { onOpened: (source: WorkbookSource) => void; current?: WorkbookSource }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const open = async (file: File) => {
    setOpening(file.name);
    setError(undefined);
    try {
      const [{ openFileSource }, bytes] = await Promise.all([import(/* webpackChunkName: "xlsx" */ '../source/fileSource'), file.arrayBuffer()]);
      onOpened(await openFileSource(file.name, bytes));
    } catch (failure) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      setError(`${file.name} could not be opened as an Excel workbook (.xlsx): ${reason}`);
    } finally {
      setOpening(undefined);
    }
  };

  return (
    <div className={styles.row}>
      <Button appearance={current ? 'secondary' : 'primary'} onClick={() => input.current?.click()} disabled={opening !== undefined}>
        {current ? 'Open another workbook' : 'Open workbook'}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Workbook file (.xlsx)"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void open(file);
        }}
      />
      {opening && <Spinner size="tiny" label={`Opening ${opening}…`} />}
      {!current && !opening && <Body1>Choose an .xlsx workbook from your computer. It stays on your computer: nothing is uploaded.</Body1>}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Offers the workbook as it now stands as a download, named after the file it came from. */
export async function downloadWorkbook(source: WorkbookSource): Promise<void> {
  if (!source.fileBytes) return;
  const bytes = await source.fileBytes();
  saveDownload(`${source.name.replace(/\.xlsx$/i, '')}-billed.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes);
}
