/**
 * Create project for a chosen order: first the ProjectTree rows it would add, then, on
 * confirmation, the rows added. The order field suggests the orders of the last read.
 */
import { useId, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CreateProject } from '../hooks/useCreateProject';
import { count } from '../format';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  field: { flexGrow: 1, minWidth: 0 },
  input: { minWidth: 0, maxWidth: '100%' },
  nodes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  node: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalS, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}` },
  id: { fontFamily: tokens.fontFamilyMonospace },
});

export interface CreateProjectSectionProps {
  project: CreateProject;
  /** Order ids to suggest (from the last read). */
  orderIds: string[];
  disabled: boolean;
}

export function CreateProjectSection({ project, orderIds, disabled }: CreateProjectSectionProps) {
  const styles = useStyles();
  const listId = useId();
  const [orderId, setOrderId] = useState('');
  const { state } = project;
  const busy = state.status === 'reading' || state.status === 'adding';
  return (
    <section className={styles.section} aria-labelledby="create-project-title">
      <Subtitle1 as="h2" id="create-project-title">Create project</Subtitle1>
      <Caption1>Sets up the project of an order in ProjectTree. You see the rows first; nothing is added until you confirm.</Caption1>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void project.showNodes(orderId);
        }}
      >
        <Field label="Order" className={styles.field}>
          <Input className={styles.input} value={orderId} list={listId} onChange={(_, data) => setOrderId(data.value)} placeholder="OrderId, e.g. O-1" disabled={disabled || busy} />
        </Field>
        <datalist id={listId}>{orderIds.map((id) => <option key={id} value={id} />)}</datalist>
        <Button type="submit" disabled={disabled || busy || orderId.trim() === ''}>Show its rows</Button>
      </form>
      <div aria-live="polite">
        {state.status === 'reading' && <Spinner size="tiny" label={`Reading the tables for order ${state.orderId}…`} />}
        {state.status === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>The project of order {state.orderId} cannot be created: {state.messages.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === 'added' && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>Added {count(state.count, 'row')} to ProjectTree for order {state.orderId}.</MessageBarBody>
          </MessageBar>
        )}
        {(state.status === 'ready' || state.status === 'adding') && state.nodes.length === 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>Order {state.orderId} already has its project: nothing to add.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {(state.status === 'ready' || state.status === 'adding') && state.nodes.length > 0 && (
        <>
          <Body1>Order {state.orderId} would add {count(state.nodes.length, 'row')} to ProjectTree:</Body1>
          <ul className={styles.nodes} aria-label={`ProjectTree rows for order ${state.orderId}`}>
            {state.nodes.map((node) => (
              <li key={node.nodeId} className={styles.node}>
                <Body1><span className={styles.id}>{node.nodeId}</span> {node.name}</Body1>
                <Caption1>{node.kind}{node.parentId ? ` under ${node.parentId}` : ''}{node.lineItem ? ` · line ${node.lineItem}` : ''}{node.section ? ` · section ${node.section}` : ''}</Caption1>
              </li>
            ))}
          </ul>
          <div className={styles.form}>
            <Button appearance="primary" onClick={() => void project.addNodes()} disabled={state.status === 'adding'}>
              Add {count(state.nodes.length, 'row')} to ProjectTree
            </Button>
            <Button onClick={project.reset} disabled={state.status === 'adding'}>Cancel</Button>
          </div>
        </>
      )}
    </section>
  );
}
