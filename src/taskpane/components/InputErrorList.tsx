/**
 * Input errors, grouped by table, each with its sentence and its cell. Inside Excel the
 * cell is a link that selects it; on a file it is the address to look for.
 */
import { Body1, Caption1, Link, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { rowIdLabel } from '../../schema/issueCatalogue';
import type { InputIssue } from '../../schema/inputIssue';
import { count } from '../format';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
  },
  where: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  address: { fontFamily: tokens.fontFamilyMonospace },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function groupByTable(issues: InputIssue[]): [string, InputIssue[]][] {
  const groups = new Map<string, InputIssue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.table);
    if (list) list.push(issue);
    else groups.set(issue.table, [issue]);
  }
  return [...groups];
}

function rowWords(issue: InputIssue): string {
  if (issue.rowId === undefined || issue.rowId === '') return '';
  return `${rowIdLabel[issue.table] ?? 'row'} ${issue.rowId}`;
}

export interface InputErrorListProps {
  issues: InputIssue[];
  /** Selects the cell in the workbook; absent on a file, where the address is shown instead. */
  onSelectCell?: (address: string) => void;
}

export function InputErrorList({ issues, onSelectCell }: InputErrorListProps) {
  const styles = useStyles();
  return (
    <div className={styles.groups}>
      {groupByTable(issues).map(([table, list]) => (
        <section key={table} className={styles.group} aria-label={`${table}: ${count(list.length, 'error')}`}>
          <Subtitle2 as="h3">{table} <Caption1>({count(list.length, 'error')})</Caption1></Subtitle2>
          <ul className={styles.list}>
            {list.map((issue, i) => {
              const address = issue.cell ?? issue.table;
              const row = rowWords(issue);
              return (
                <li key={`${address}-${i}`} className={styles.item}>
                  <span className={styles.where}>
                    {onSelectCell ? (
                      <Link as="button" className={styles.address} onClick={() => onSelectCell(address)} aria-label={`Select cell ${address}${row ? `, ${row}` : ''}`}>
                        {address}
                      </Link>
                    ) : (
                      <Caption1 className={styles.address}>{address}</Caption1>
                    )}
                    {row && <Caption1>{row}</Caption1>}
                  </span>
                  <Body1>{issue.message}</Body1>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
