/**
 * The open wrap-up's draft: one conf / electron-store file, `<data>/drafts/wrap-up-draft.json`, replaced
 * atomically (temp file, fsync, rename) on every autosave, so a crash or forced quit at any moment leaves
 * the previous or the new draft, whole. A draft file that cannot be used is moved aside and reported.
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

/** The file: the session schema version its wrap-up follows, and the draft (null when none). */
const draftFileSchema = z.strictObject({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  draft: wrapUpDraftSchema.nullable(),
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
  /** Replaces the draft; returns when it was saved (ISO). Throws when it could not be written. */
  save(draft: WrapUpDraft): string;
  get(): WrapUpDraft | null;
  discard(): void;
  /** Discards the draft only if it belongs to this call (after its session was saved). */
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
      problems.report(quarantine(file, 'not-json', read.detail, now()));
      return;
    }
    const version = schemaVersionOf(read.value);
    if (version !== undefined && version > SESSION_SCHEMA_VERSION) {
      const detail = `schema version ${version}, this app reads up to ${SESSION_SCHEMA_VERSION}`;
      problems.report(quarantine(file, 'future-version', detail, now()));
      return;
    }
    const parsed = draftFileSchema.safeParse(read.value);
    if (!parsed.success)
      problems.report(quarantine(file, 'invalid', describeIssues(parsed.error), now()));
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

  const write = (draft: WrapUpDraft | null): void => {
    open().store = { schemaVersion: SESSION_SCHEMA_VERSION, draft };
  };

  const read = (): WrapUpDraft | null => {
    let content: unknown;
    try {
      content = open().store;
    } catch {
      // Changed under us since it was opened (by hand, or a newer version): check it again.
      store = undefined;
      content = open().store;
    }
    const parsed = draftFileSchema.safeParse(content);
    return parsed.success ? parsed.data.draft : null;
  };

  return {
    path: file,
    save(draft) {
      write(draft);
      return now().toISOString();
    },
    get: read,
    discard: () => write(null),
    discardIfFor(callId) {
      if (read()?.callId === callId) write(null);
    },
  };
}
