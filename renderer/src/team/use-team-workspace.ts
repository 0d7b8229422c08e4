/**
 * The team view's state: the workspace (in memory for this run of the app — it outlives the Team screen,
 * not a restart), the merged sessions and their trends, one message per imported or refused file, and
 * the import in progress. Kept in a small module store so leaving the screen loses nothing.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { importOne, type NamedFile } from './import-files';
import { localDay } from '../../../preload/domain/calendar-day';
import { computeTeamTrends } from './team-series';
import {
  EMPTY_WORKSPACE,
  addExport,
  mergedSessions,
  removeExport,
  type TeamWorkspace,
} from './team-workspace';
import { countOf, en } from '../../../preload/domain/count-words';

export interface ImportMessage {
  readonly key: number;
  readonly fileName: string;
  readonly ok: boolean;
  readonly text: string;
}

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
const listeners = new Set<() => void>();
let messageKey = 1;

function update(patch: Partial<TeamState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
        text: `Not imported: ${added.fileName} ${added.problem}.`,
      });
      continue;
    }
    update({ workspace: added.workspace });
    const { added: fresh, duplicates } = added.summary;
    const dupes = duplicates ? `, ${duplicates} already imported` : '';
    batch.push({
      key: messageKey++,
      fileName: item.name,
      ok: true,
      text: `${item.name}: ${countOf(fresh, en('new session'))}${dupes}.`,
    });
  }
  update({ progress: null, messages: batch });
}

export function removeTeamExport(sourceId: number): void {
  update({ workspace: removeExport(state.workspace, sourceId), messages: [] });
}

export function useTeamWorkspace() {
  const current = useSyncExternalStore(subscribe, () => state);
  const merged = useMemo(() => mergedSessions(current.workspace), [current.workspace]);
  const trends = useMemo(() => computeTeamTrends(merged, localDay(new Date())), [merged]);
  return { ...current, merged, trends, importFiles: importTeamFiles, remove: removeTeamExport };
}
