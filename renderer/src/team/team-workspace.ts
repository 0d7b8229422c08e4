/**
 * The team view's workspace: the exports imported so far (kept in memory for this run of the app; the
 * files stay where they are and can be imported again), and the merged, deduplicated sessions. Pure and
 * immutable: every update returns a new workspace, so a refused file can never change what is there.
 *
 * Deduplication by session id: when several exports hold the same session, the copy saved last
 * (`savedAt`) counts — a later export carries later edits, such as a follow-up marked done; on a tie the
 * export imported first counts. Each merged session knows its export and in how many others it also was.
 */
import type { Session } from '../../../preload/contract/session-schema';
import type { SessionExportHeader } from '../../../preload/contract/session-export-schema';
import type { ImportedExport } from './import-session-export';
import { importProblem, type ImportProblem } from './import-problem';

export interface TeamSource {
  /** Stable within the workspace (1, 2, …). */
  readonly id: number;
  readonly fileName: string;
  readonly header: SessionExportHeader;
  readonly sessions: readonly Session[];
}

export interface TeamWorkspace {
  readonly sources: readonly TeamSource[];
  readonly nextId: number;
}

export interface TeamSession {
  readonly session: Session;
  /** Agent shown: the session's own, else the exporting agent's. */
  readonly agent: string;
  readonly source: TeamSource;
  /** How many other imported exports also held this session. */
  readonly alsoIn: number;
}

export interface AddSummary {
  /** Sessions not seen in any earlier export. */
  readonly added: number;
  /** Sessions already imported (same id). */
  readonly duplicates: number;
}

export type AddOutcome =
  | {
      readonly ok: true;
      readonly workspace: TeamWorkspace;
      readonly source: TeamSource;
      readonly summary: AddSummary;
    }
  | { readonly ok: false; readonly fileName: string; readonly problem: ImportProblem };

/** Most sessions the workspace holds across all exports. */
export const MAX_TEAM_SESSIONS = 1_000_000;

export const EMPTY_WORKSPACE: TeamWorkspace = { sources: [], nextId: 1 };

function sameExport(a: TeamSource, b: ImportedExport): boolean {
  return (
    a.header.exportedAt === b.header.exportedAt &&
    a.header.agent === b.header.agent &&
    a.sessions.length === b.sessions.length &&
    (a.sessions.length === 0 || a.sessions[0].id === b.sessions[0].id)
  );
}

export function addExport(workspace: TeamWorkspace, file: ImportedExport): AddOutcome {
  const twin = workspace.sources.find((s) => sameExport(s, file));
  if (twin)
    return {
      ok: false,
      fileName: file.fileName,
      problem: importProblem('team.problem.same-export', file.fileName, { twin: twin.fileName }),
    };
  const held = workspace.sources.reduce((n, s) => n + s.sessions.length, 0);
  if (held + file.sessions.length > MAX_TEAM_SESSIONS) {
    return {
      ok: false,
      fileName: file.fileName,
      problem: importProblem('team.problem.team-full', file.fileName, { max: MAX_TEAM_SESSIONS }),
    };
  }
  const known = new Set<string>();
  for (const source of workspace.sources) for (const s of source.sessions) known.add(s.id);
  let added = 0;
  let duplicates = 0;
  const inThisFile = new Set<string>();
  for (const s of file.sessions) {
    if (inThisFile.has(s.id)) continue;
    inThisFile.add(s.id);
    if (known.has(s.id)) duplicates++;
    else added++;
  }
  const source: TeamSource = {
    id: workspace.nextId,
    fileName: file.fileName,
    header: file.header,
    sessions: file.sessions,
  };
  return {
    ok: true,
    workspace: { sources: [...workspace.sources, source], nextId: workspace.nextId + 1 },
    source,
    summary: { added, duplicates },
  };
}

export function removeExport(workspace: TeamWorkspace, sourceId: number): TeamWorkspace {
  return { ...workspace, sources: workspace.sources.filter((s) => s.id !== sourceId) };
}

/** Every session once, newest call first. */
export function mergedSessions(workspace: TeamWorkspace): TeamSession[] {
  const best = new Map<string, { session: Session; source: TeamSource; copies: Set<number> }>();
  for (const source of workspace.sources) {
    for (const session of source.sessions) {
      const current = best.get(session.id);
      if (current === undefined) {
        best.set(session.id, { session, source, copies: new Set([source.id]) });
        continue;
      }
      current.copies.add(source.id);
      if (Date.parse(session.savedAt) > Date.parse(current.session.savedAt)) {
        current.session = session;
        current.source = source;
      }
    }
  }
  const merged: TeamSession[] = [];
  for (const { session, source, copies } of best.values()) {
    merged.push({
      session,
      // '' when neither names one: the page says "unknown agent" in its language (agentName).
      agent: session.agent || source.header.agent || '',
      source,
      alsoIn: copies.size - 1,
    });
  }
  return merged.sort((a, b) => Date.parse(b.session.startedAt) - Date.parse(a.session.startedAt));
}
