/**
 * The team view's state: the workspace (kept until removed: written to IndexedDB after every change and
 * read back at start, see workspace-keeper.ts), the merged sessions and their trends over the chosen
 * days, one message per imported or refused file, and the import in progress. Kept in a small module
 * store so leaving the screen loses nothing.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { importOne, type NamedFile } from './import-files';
import { localDay } from '../../../preload/domain/calendar-day';
import { computeTeamTrends, type TrendOptions } from './team-series';
import { keepWorkspace, readKeptWorkspace } from './workspace-keeper';
import {
  EMPTY_WORKSPACE,
  addExport,
  mergedSessions,
  removeExport,
  type TeamWorkspace,
} from './team-workspace';
import { createTypedEmitter } from '../api/typed-emitter';
import type { ImportProblem } from './import-problem';

/** What became of one file: sessions added (and already there), or refused and why. Worded by the page. */
export type ImportMessage =
  | {
      readonly key: number;
      readonly fileName: string;
      readonly ok: true;
      readonly added: number;
      readonly duplicates: number;
    }
  | {
      readonly key: number;
      readonly fileName: string;
      readonly ok: false;
      readonly problem: ImportProblem;
    };

export interface ImportProgress {
  readonly fileName: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  readonly validated: number;
  readonly total: number;
}

interface TeamState {
  readonly workspace: TeamWorkspace;
  readonly messages: readonly ImportMessage[];
  readonly progress: ImportProgress | null;
}

let state: TeamState = { workspace: EMPTY_WORKSPACE, messages: [], progress: null };
const changed = createTypedEmitter<{ change: void }>();
let messageKey = 1;

function update(patch: Partial<TeamState>): void {
  const before = state.workspace;
  state = { ...state, ...patch };
  changed.emit('change');
  if (state.workspace !== before) void keepWorkspace(state.workspace);
}

// The exports kept by an earlier run come back (unless something was imported meanwhile).
let restored = false;
function restoreOnce(): void {
  if (restored) return;
  restored = true;
  void readKeptWorkspace().then((kept) => {
    if (kept && kept.sources.length > 0 && state.workspace.sources.length === 0)
      update({ workspace: kept });
  });
}

function subscribe(listener: () => void): () => void {
  return changed.on('change', listener);
}

/** Imports the files one by one; each is added whole or refused whole with a message. */
export async function importTeamFiles(files: readonly NamedFile[]): Promise<void> {
  const batch: ImportMessage[] = [];
  for (let i = 0; i < files.length; i++) {
    const item = files[i];
    const at = { fileName: item.name, fileIndex: i, fileCount: files.length };
    update({ progress: { ...at, validated: 0, total: 0 } });
    const outcome = await importOne(item, (validated, total) =>
      update({ progress: { ...at, validated, total } }),
    );
    const added = outcome.ok ? addExport(state.workspace, outcome.file) : outcome;
    if (!added.ok) {
      batch.push({
        key: messageKey++,
        fileName: added.fileName,
        ok: false,
        problem: added.problem,
      });
      continue;
    }
    update({ workspace: added.workspace });
    batch.push({
      key: messageKey++,
      fileName: item.name,
      ok: true,
      added: added.summary.added,
      duplicates: added.summary.duplicates,
    });
  }
  update({ progress: null, messages: batch });
}

export function removeTeamExport(sourceId: number): void {
  update({ workspace: removeExport(state.workspace, sourceId), messages: [] });
}

export function useTeamWorkspace(range: Pick<TrendOptions, 'from' | 'to'> = {}) {
  restoreOnce();
  const current = useSyncExternalStore(subscribe, () => state);
  const merged = useMemo(() => mergedSessions(current.workspace), [current.workspace]);
  const { from, to } = range;
  const trends = useMemo(
    () => computeTeamTrends(merged, localDay(new Date()), { from, to }),
    [merged, from, to],
  );
  return { ...current, merged, trends, importFiles: importTeamFiles, remove: removeTeamExport };
}
