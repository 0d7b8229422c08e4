/**
 * The session methods of the IPC contract over SessionServices. Payloads arrive validated (dispatch);
 * every failure comes back as a result with a message a person can act on, never as a throw.
 */
import { fail, succeed, type IpcResult } from '../../preload/contract/ipc-result';
import type { IpcHandlers } from '../ipc/handlers';
import type { SessionServices } from './session-services';
import { monthOf } from './timeline-store';

type SessionMethod =
  | 'saveCallTimeline'
  | 'saveDraft'
  | 'getDraft'
  | 'discardDraft'
  | 'saveSession'
  | 'listSessions'
  | 'getSession'
  | 'getTimeline'
  | 'listFollowUps'
  | 'markFollowUpDone';
export type SessionHandlers = Pick<IpcHandlers, SessionMethod>;

/** Why a write failed, in words (the path and stack stay in the host's log). */
export function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'Calm Line may not write in its data folder';
  if (code === 'EROFS') return 'the data folder is read-only';
  if (String((error as Error | undefined)?.message).startsWith('Config schema violation')) {
    return 'it did not pass the storage check';
  }
  return 'the data folder could not be written';
}

function guard<T>(what: string, run: () => T, onError?: (error: unknown) => void): IpcResult<T> {
  try {
    return succeed(run());
  } catch (error) {
    onError?.(error);
    return fail(
      'internal',
      `${what}: ${describeWriteFailure(error)}. Nothing saved before was changed.`,
    );
  }
}

function readGuard<T>(
  what: string,
  run: () => T,
  onError?: (error: unknown) => void,
): IpcResult<T> {
  try {
    return succeed(run());
  } catch (error) {
    onError?.(error);
    return fail('internal', `${what}: the data folder could not be read.`);
  }
}

const SESSION_METHODS: readonly SessionMethod[] = [
  'saveCallTimeline',
  'saveDraft',
  'getDraft',
  'discardDraft',
  'saveSession',
  'listSessions',
  'getSession',
  'getTimeline',
  'listFollowUps',
  'markFollowUpDone',
];

/** For a host opened without a data folder for sessions: every session method says so. */
function withoutSessions(): SessionHandlers {
  const refuse = () => fail('internal', 'This host keeps no sessions.');
  return Object.fromEntries(
    SESSION_METHODS.map((method) => [method, refuse]),
  ) as unknown as SessionHandlers;
}

export function createSessionHandlers(
  services: SessionServices | undefined,
  log?: (message: string) => void,
): SessionHandlers {
  if (services === undefined) return withoutSessions();
  const { repository, drafts, timelines, recordings } = services;
  const note = (what: string) => (error: unknown) =>
    log?.(`${what}: ${(error as Error)?.message ?? error}`);
  return {
    saveCallTimeline: ({ id, timeline }) =>
      guard(
        'The timeline was not saved',
        () => ({ bytes: timelines.save(id, timeline) }),
        note('saveCallTimeline'),
      ),
    saveDraft: (draft) =>
      guard('The draft was not saved', () => ({ savedAt: drafts.save(draft) }), note('saveDraft')),
    getDraft: () => readGuard('The draft could not be read', () => drafts.get(), note('getDraft')),
    discardDraft: () =>
      guard('The draft was not discarded', () => (drafts.discard(), null), note('discardDraft')),
    saveSession: ({ session }) => {
      const hints = [
        monthOf(session.endedAt),
        monthOf(session.startedAt),
        monthOf(session.savedAt),
      ];
      const saved = guard(
        'The session was not saved',
        // Both come from the files on disk, never from the page: a session points only at its own audio.
        () =>
          repository.save({
            ...session,
            hasTimeline: timelines.has(session.id, hints),
            recording: recordings?.relativePathOf(session.id, hints) ?? null,
          }),
        note('saveSession'),
      );
      if (saved.ok) {
        try {
          drafts.discardIfFor(session.id);
        } catch (error) {
          // The session is stored; a draft left behind only reopens the same wrap-up once more.
          note('saveSession: draft not cleared')(error);
        }
      }
      return saved;
    },
    listSessions: (query) =>
      readGuard('The log could not be read', () => repository.list(query), note('listSessions')),
    getSession: ({ id }) =>
      readGuard('The session could not be read', () => repository.get(id), note('getSession')),
    getTimeline: ({ id }) =>
      readGuard('The timeline could not be read', () => timelines.get(id), note('getTimeline')),
    listFollowUps: ({ asOf }) =>
      readGuard(
        'Follow-ups could not be read',
        () => repository.followUps(asOf),
        note('listFollowUps'),
      ),
    markFollowUpDone: ({ id }) => {
      const current = readGuard(
        'The session could not be read',
        () => repository.get(id),
        note('markFollowUpDone'),
      );
      if (!current.ok) return current;
      const session = current.value;
      if (session === null) return fail('invalid-payload', 'No saved session has this id.');
      if (session.wrapUp.followUp.date === null)
        return fail('invalid-payload', 'This session has no follow-up.');
      const done = () => repository.markFollowUpDone(id) ?? session;
      return guard('The follow-up was not marked done', done, note('markFollowUpDone'));
    },
  };
}
