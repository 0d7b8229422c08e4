/**
 * The team view's state: the workspace (in memory for this run of the app), the merged sessions and
 * their trends, one message per imported or refused file, and the import in progress.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { importOne, type NamedFile } from './import-files';
import { computeTeamTrends, localDayOf } from './team-series';
import { EMPTY_WORKSPACE, addExport, mergedSessions, removeExport, type TeamWorkspace } from './team-workspace';

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

let messageKey = 1;

export function useTeamWorkspace() {
  const [workspace, setWorkspace] = useState<TeamWorkspace>(EMPTY_WORKSPACE);
  const [messages, setMessages] = useState<ImportMessage[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // The newest workspace, for imports that finish one after another within one pick.
  const current = useRef(workspace);

  const importFiles = useCallback(async (files: readonly NamedFile[]) => {
    const batch: ImportMessage[] = [];
    for (let i = 0; i < files.length; i++) {
      const item = files[i];
      setProgress({ fileName: item.name, fileIndex: i, fileCount: files.length, validated: 0, total: 0 });
      const outcome = await importOne(item, (validated, total) =>
        setProgress({ fileName: item.name, fileIndex: i, fileCount: files.length, validated, total }),
      );
      if (!outcome.ok) {
        batch.push({ key: messageKey++, fileName: outcome.fileName, ok: false, text: `Not imported: ${outcome.fileName} ${outcome.problem}.` });
        continue;
      }
      const added = addExport(current.current, outcome.file);
      if (!added.ok) {
        batch.push({ key: messageKey++, fileName: added.fileName, ok: false, text: `Not imported: ${added.fileName} ${added.problem}.` });
        continue;
      }
      current.current = added.workspace;
      setWorkspace(added.workspace);
      const { added: fresh, duplicates } = added.summary;
      const dupes = duplicates ? `, ${duplicates} already imported` : '';
      batch.push({ key: messageKey++, fileName: item.name, ok: true, text: `${item.name}: ${fresh} new session${fresh === 1 ? '' : 's'}${dupes}.` });
    }
    setProgress(null);
    setMessages(batch);
  }, []);

  const remove = useCallback((sourceId: number) => {
    current.current = removeExport(current.current, sourceId);
    setWorkspace(current.current);
    setMessages([]);
  }, []);

  const merged = useMemo(() => mergedSessions(workspace), [workspace]);
  const trends = useMemo(() => computeTeamTrends(merged, localDayOf(new Date())), [merged]);

  return { workspace, merged, trends, messages, progress, importFiles, remove, dismissMessages: () => setMessages([]) };
}
