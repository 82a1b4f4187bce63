/**
 * Create project from the pane: read and check the tables, show the ProjectTree rows the
 * order's project would add, and add them only when the user confirms. The rows are the
 * engine's (createProject) in the columns the ribbon and the command line use.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createProject, PROJECT_TREE_COLUMNS, projectTreeCells, type NewProjectNodeRow, checkBillingWorkbook } from '../../engine';
import type { WorkbookSession, WorkbookSource } from '../source/WorkbookSource';
import { paneMessages } from '../paneMessages';

export type CreateProjectState =
  | { status: 'idle' }
  | { status: 'reading'; orderId: string }
  | { status: 'ready'; orderId: string; nodes: NewProjectNodeRow[] }
  | { status: 'adding'; orderId: string; nodes: NewProjectNodeRow[] }
  | { status: 'added'; orderId: string; count: number }
  | { status: 'failed'; orderId: string; messages: string[] };

export interface CreateProject {
  state: CreateProjectState;
  showNodes: (orderId: string) => Promise<void>;
  addNodes: () => Promise<void>;
  reset: () => void;
}

export function useCreateProject(source: WorkbookSource | undefined): CreateProject {
  const [state, setState] = useState<CreateProjectState>({ status: 'idle' });
  const session = useRef<WorkbookSession | undefined>(undefined);

  useEffect(() => {
    session.current = undefined;
    setState({ status: 'idle' });
  }, [source]);

  const showNodes = useCallback(async (typed: string) => {
    const orderId = typed.trim();
    if (!source || orderId === '') return;
    setState({ status: 'reading', orderId });
    try {
      const opened = source.session();
      const raw = await opened.readTables();
      const { workbook, issues } = checkBillingWorkbook(raw);
      if (!workbook || issues.length > 0) {
        setState({ status: 'failed', orderId, messages: [paneMessages.CreateProjectInputErrors(issues.length)] });
        return;
      }
      const made = createProject(workbook, orderId);
      if (made.issues.length > 0) {
        setState({ status: 'failed', orderId, messages: made.issues.map((i) => i.message) });
        return;
      }
      session.current = opened;
      setState({ status: 'ready', orderId, nodes: made.nodes });
    } catch (error) {
      setState({ status: 'failed', orderId, messages: [error instanceof Error ? error.message : String(error)] });
    }
  }, [source]);

  const addNodes = useCallback(async () => {
    if (state.status !== 'ready' || !session.current || state.nodes.length === 0) return;
    const { orderId, nodes } = state;
    setState({ status: 'adding', orderId, nodes });
    try {
      await session.current.appendRows('ProjectTree', PROJECT_TREE_COLUMNS, nodes.map(projectTreeCells));
      setState({ status: 'added', orderId, count: nodes.length });
    } catch (error) {
      setState({ status: 'failed', orderId, messages: [error instanceof Error ? error.message : String(error)] });
    } finally {
      session.current = undefined;
    }
  }, [state]);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, showNodes, addNodes, reset };
}
