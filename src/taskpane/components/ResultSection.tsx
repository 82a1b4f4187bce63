/** A titled part of the result view with its count; says so in words when it has nothing. */
import type { ReactNode } from 'react';
import { Body1, CounterBadge, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface ResultSectionProps {
  id: string;
  title: string;
  count: number;
  /** Shown instead of the children when count is 0. */
  empty: string;
  color?: 'brand' | 'danger' | 'important' | 'informative';
  children: ReactNode;
}

export function ResultSection({ id, title, count, empty, color = 'informative', children }: ResultSectionProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle1 as="h2" id={id} className={styles.heading}>
        {title}
        <CounterBadge count={count} showZero color={count === 0 ? 'informative' : color} appearance={count === 0 ? 'ghost' : 'filled'} aria-hidden />
      </Subtitle1>
      {count === 0 ? <Body1 className={styles.empty}>{empty}</Body1> : children}
    </section>
  );
}
