/**
 * The session methods of the IPC contract over the session stores (the host's SessionServices). Payloads arrive validated (dispatch);
 * every failure comes back as a result with a message a person can act on, never as a throw.
 */
import { fail, succeed } from '../../preload/contract/ipc-result';
import {
  guarded,
  readFailure,
  writeFailure,
  type Log,
} from '../../preload/contract/handler-results';
import { IPC_METHOD_GROUPS, type MethodsOf } from '../../preload/contract/ipc-contract';
import type { GroupHandlers } from '../../preload/contract/ipc-handlers';
import type { RecordingStore } from '../recordings/recording-store';
import type { DraftStore } from './draft-store';
import type { SessionRepository } from './session-repository';
import { monthOf, type TimelineStore } from './timeline-store';
import { editedSession } from './session-edit';

type SessionMethod = MethodsOf<'sessions'>;

/** What the session methods work on (main/host/session-services.ts opens them over a data folder). */
export interface SessionStores {
  readonly repository: SessionRepository;
  readonly drafts: DraftStore;
  readonly timelines: TimelineStore;
  /** Opted-in call audio: goes with its session. */
  readonly recordings: RecordingStore;
}
export type SessionHandlers = GroupHandlers<'sessions'>;

/** For a host opened without a data folder for sessions: every session method says so. */
function withoutSessions(): SessionHandlers {
  const refuse = () => fail('internal', 'This host keeps no sessions.');
  return Object.fromEntries(
    IPC_METHOD_GROUPS.sessions.map((method) => [method, refuse]),
  ) as unknown as SessionHandlers;
}

export function createSessionHandlers(
  services: SessionStores | undefined,
  log?: Log,
): SessionHandlers {
  if (services === undefined) return withoutSessions();
  const { repository, drafts, timelines, recordings } = services;
  // The host's log names the method; the page hears what did not happen and why.
  const logAs = (method: SessionMethod) => (message: string) => log?.(`${method}: ${message}`);
  const write = <T>(method: SessionMethod, what: string, work: () => T) =>
    guarded(what, work, writeFailure, logAs(method));
  const read = <T>(method: SessionMethod, what: string, work: () => T) =>
    guarded(what, work, readFailure, logAs(method));
  return {
    saveCallTimeline: ({ id, timeline }) =>
      write('saveCallTimeline', 'The timeline was not saved', () => ({
        bytes: timelines.save(id, timeline),
      })),
    saveDraft: (draft) =>
      write('saveDraft', 'The draft was not saved', () => ({ savedAt: drafts.save(draft) })),
    getDraft: () => read('getDraft', 'The draft could not be read', () => drafts.get()),
    getWaitingDrafts: () =>
      read('getWaitingDrafts', 'The waiting drafts could not be read', () => drafts.waiting()),
    discardDraft: () =>
      write('discardDraft', 'The draft was not discarded', () => (drafts.discard(), null)),
    saveSession: ({ session }) => {
      const hints = [
        monthOf(session.endedAt),
        monthOf(session.startedAt),
        monthOf(session.savedAt),
      ];
      const saved = write(
        'saveSession',
        'The session was not saved', // Both come from the files on disk, never from the page: a session points only at its own audio.
        () =>
          repository.save({
            ...session,
            hasTimeline: timelines.has(session.id, hints),
            recording: recordings?.relativePathOf(session.id, hints) ?? null,
          }),
      );
      if (saved.ok) {
        try {
          drafts.discardIfFor(session.id);
        } catch (error) {
          // The session is stored; a draft left behind only reopens the same wrap-up once more.
          logAs('saveSession')(`draft not cleared: ${(error as Error)?.message ?? error}`);
        }
      }
      return saved;
    },
    listSessions: (query) =>
      read('listSessions', 'The log could not be read', () => repository.list(query)),
    getSession: ({ id }) =>
      read('getSession', 'The session could not be read', () => repository.get(id)),
    getTimeline: ({ id }) =>
      read('getTimeline', 'The timeline could not be read', () => timelines.get(id)),
    listFollowUps: ({ asOf }) =>
      read('listFollowUps', 'Follow-ups could not be read', () => repository.followUps(asOf)),
    markFollowUpDone: ({ id }) => {
      const current = read('markFollowUpDone', 'The session could not be read', () =>
        repository.get(id),
      );
      if (!current.ok) return current;
      const session = current.value;
      if (session === null) return fail('invalid-payload', 'No saved session has this id.');
      if (session.wrapUp.followUp.date === null)
        return fail('invalid-payload', 'This session has no follow-up.');
      const done = () => repository.markFollowUpDone(id) ?? session;
      return write('markFollowUpDone', 'The follow-up was not marked done', done);
    },
    editSession: ({ id, wrapUp, by }) => {
      const current = read('editSession', 'The session could not be read', () =>
        repository.get(id),
      );
      if (!current.ok) return current;
      if (current.value === null) return fail('invalid-payload', 'No saved session has this id.');
      const before = current.value;
      const after = editedSession(before, wrapUp, by, new Date());
      if (after === before) return succeed(before);
      return write('editSession', 'The correction was not saved', () => repository.save(after));
    },
    deleteSession: ({ id }) =>
      write('deleteSession', 'The session was not deleted', () => {
        const removed = repository.remove(id);
        if (removed) {
          const hints = [monthOf(removed.startedAt), monthOf(removed.endedAt)];
          timelines.remove(id, hints);
          recordings?.discard(id);
        }
        return { deleted: removed !== null };
      }),
    discardCall: ({ id }) =>
      write('discardCall', 'The call was not discarded', () => {
        // Never a saved session: those are deleted from the log, with its undo.
        if (repository.has(id)) throw new Error('This call is saved: delete it from the log.');
        drafts.discardIfFor(id);
        timelines.remove(id);
        recordings?.discard(id);
        return null;
      }),
    listFollowUpPage: (request) =>
      read('listFollowUpPage', 'Follow-ups could not be read', () =>
        repository.followUpPage(request),
      ),
    setFollowUpsDone: ({ ids, done }) =>
      write(
        'setFollowUpsDone',
        done ? 'The follow-ups were not marked done' : 'The follow-ups were not opened again',
        () => ({ changed: repository.setFollowUpsDone(ids, done).length }),
      ),
  };
}
