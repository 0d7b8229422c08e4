/**
 * The wrap-up drafts: one conf / electron-store file, `<data>/drafts/wrap-up-draft.json`, replaced
 * atomically (temp file, fsync, rename) on every autosave, so a crash or forced quit at any moment leaves
 * the previous or the new drafts, whole. A draft file that cannot be used is moved aside and reported.
 *
 * One draft is open (the one last saved); earlier unfinished ones wait, oldest first. Saving a draft of
 * another call opens it and puts the open one among the waiting: back-to-back calls keep every wrap-up
 * as the agent left it, and none is saved half-done behind their back. Saving a session removes its
 * draft wherever it is.
 */
import path from 'node:path';
import { z } from 'zod';
import { SESSION_SCHEMA_VERSION } from '../../preload/contract/session-schema';
import { wrapUpDraftSchema, type WrapUpDraft } from '../../preload/contract/session-ipc-schema';
import { describeIssues } from '../../preload/contract/describe-issues';
import {
  jsonSchemaProperties,
  openConfJsonStore,
  type JsonStore,
  type JsonStoreFactory,
} from '../storage/json-store';
import {
  createProblemLog,
  quarantine,
  readJsonFile,
  schemaVersionOf,
  type ProblemLog,
} from '../storage/store-problems';

export const DRAFT_FILE_BASENAME = 'wrap-up-draft';

/** Earlier unfinished wrap-ups kept at most (oldest first); more than this many is not a real day's work. */
export const MAX_WAITING_DRAFTS = 50;

/**
 * The file: the session schema version its wrap-up follows, the open draft (null when none) and the
 * waiting ones (absent in files written before there were any: read as none).
 */
const draftFileSchema = z.strictObject({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  draft: wrapUpDraftSchema.nullable(),
  waiting: z.array(wrapUpDraftSchema).max(MAX_WAITING_DRAFTS).optional(),
});
type DraftFile = z.infer<typeof draftFileSchema> & Record<string, unknown>;

export interface DraftStoreDeps {
  readonly dataDir: string;
  readonly openStore?: JsonStoreFactory;
  readonly now?: () => Date;
  readonly problems?: ProblemLog;
}

export interface DraftStore {
  readonly path: string;
  /**
   * Saves the draft as the open one (a draft of another call that was open waits); returns when it was
   * saved (ISO). Throws when it could not be written, or when MAX_WAITING_DRAFTS already wait.
   */
  save(draft: WrapUpDraft): string;
  /** The open draft. */
  get(): WrapUpDraft | null;
  /** The earlier unfinished drafts, oldest first. */
  waiting(): WrapUpDraft[];
  /** Discards the open draft (the waiting ones stay). */
  discard(): void;
  /** Discards this call's draft, open or waiting (after its session was saved). */
  discardIfFor(callId: string): void;
}

export function openDraftStore(deps: DraftStoreDeps): DraftStore {
  const folder = path.join(deps.dataDir, 'drafts');
  const file = path.join(folder, `${DRAFT_FILE_BASENAME}.json`);
  const now = deps.now ?? (() => new Date());
  const problems = deps.problems ?? createProblemLog();
  const openStore = deps.openStore ?? openConfJsonStore;
  let store: JsonStore<DraftFile> | undefined;

  /** Moves a file this version cannot use aside (once per open) so the store can start clean. */
  const checkFile = (): void => {
    const read = readJsonFile(file);
    if (read.status === 'missing') return;
    if (read.status === 'bad') {
      problems.report(quarantine(file, 'not-json', read.why, now()));
      return;
    }
    const version = schemaVersionOf(read.value);
    if (version !== undefined && version > SESSION_SCHEMA_VERSION) {
      const why = {
        code: 'newer-version',
        found: version,
        readsUpTo: SESSION_SCHEMA_VERSION,
      } as const;
      problems.report(quarantine(file, 'future-version', why, now()));
      return;
    }
    const parsed = draftFileSchema.safeParse(read.value);
    if (!parsed.success)
      problems.report(
        quarantine(
          file,
          'invalid',
          { code: 'invalid', issues: describeIssues(parsed.error) },
          now(),
        ),
      );
  };

  const open = (): JsonStore<DraftFile> => {
    if (store) return store;
    checkFile();
    store = openStore<DraftFile>({
      cwd: folder,
      name: DRAFT_FILE_BASENAME,
      schema: jsonSchemaProperties(draftFileSchema),
    });
    return store;
  };

  const write = (draft: WrapUpDraft | null, waiting: WrapUpDraft[]): void => {
    open().store = { schemaVersion: SESSION_SCHEMA_VERSION, draft, waiting };
  };

  const read = (): { draft: WrapUpDraft | null; waiting: WrapUpDraft[] } => {
    let content: unknown;
    try {
      content = open().store;
    } catch {
      // Changed under us since it was opened (by hand, or a newer version): check it again.
      store = undefined;
      content = open().store;
    }
    const parsed = draftFileSchema.safeParse(content);
    return parsed.success
      ? { draft: parsed.data.draft, waiting: parsed.data.waiting ?? [] }
      : { draft: null, waiting: [] };
  };

  return {
    path: file,
    save(draft) {
      const { draft: open, waiting } = read();
      const others = waiting.filter((d) => d.callId !== draft.callId);
      if (open && open.callId !== draft.callId) {
        if (others.length >= MAX_WAITING_DRAFTS)
          throw new Error(
            `${MAX_WAITING_DRAFTS} unfinished wrap-ups are already waiting: save or discard one first`,
          );
        others.push(open);
      }
      write(draft, others);
      return now().toISOString();
    },
    get: () => read().draft,
    waiting: () => read().waiting,
    discard: () => write(null, read().waiting),
    discardIfFor(callId) {
      const { draft, waiting } = read();
      const kept = waiting.filter((d) => d.callId !== callId);
      if (draft?.callId === callId || kept.length !== waiting.length)
        write(draft?.callId === callId ? null : draft, kept);
    },
  };
}
