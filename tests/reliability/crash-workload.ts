/**
 * The storage work of a day of calls, as a fixed list of operations that a child process can resume from
 * any index: wrap-up draft autosaves (the notes growing), the wrap-up's save (session + timeline, then the
 * draft discarded), later edits of saved sessions (a follow-up done, notes added), a call whose start moves
 * to another day, and the index snapshot written at shutdown. Deterministic by seed: parent and child build
 * the same list and the parent knows what each acknowledged operation left on disk.
 */
import type { Session } from '../../preload/contract/session-schema';
import type { WrapUpDraft } from '../../preload/contract/session-ipc-schema';
import { WRAP_UP_STEPS } from '../../preload/contract/settings-schema';
import type { CallTimeline } from '../../renderer/engine/call-types';
import type { SessionServices } from '../../main/host/session-services';
import { makeSession, seededRandom } from '../support/session-factory';

export type CrashOp =
  | { kind: 'draft'; index: number; draft: WrapUpDraft }
  | { kind: 'save'; index: number; session: Session; timeline: CallTimeline }
  | { kind: 'edit'; index: number; session: Session }
  | { kind: 'flush'; index: number };

function timelineFor(session: Session, seed: number): CallTimeline {
  const rnd = seededRandom(seed);
  const points = Math.min(3000, Math.floor(session.call.durationSec * 10) + 1);
  const series = () =>
    Array.from({ length: points }, (_, i) =>
      i === 0 || rnd() < 0.2 ? null : Math.round((-40 + rnd() * 25) * 10) / 10,
    );
  return {
    stepSec: 0.1,
    caller: { momentary: series(), shortTerm: series() },
    agent: { momentary: series(), shortTerm: series() },
  };
}

/** `count` operations for `seed`. */
export function crashWorkload(seed: number, count: number): CrashOp[] {
  const rnd = seededRandom(seed);
  const ops: CrashOp[] = [];
  const saved: Session[] = [];
  let call = 0;
  while (ops.length < count) {
    const index = () => ops.length;
    // A call: its wrap-up autosaves a few times, then it is saved.
    const session = makeSession(rnd, call, { seed, days: 6 });
    const autosaves = 1 + Math.floor(rnd() * 5);
    for (let k = 0; k < autosaves && ops.length < count; k++) {
      const notes = `${session.wrapUp.notes} — autosave ${k + 1} of call ${call}`.slice(
        0,
        1_000_000,
      );
      ops.push({
        kind: 'draft',
        index: index(),
        draft: {
          callId: session.id,
          startedAt: session.startedAt,
          endedAt: session.endedAt,
          call: session.call,
          wrapUp: { ...session.wrapUp, notes },
          step: WRAP_UP_STEPS[k % WRAP_UP_STEPS.length],
          updatedAt: session.savedAt,
          agent: session.agent,
        },
      });
    }
    if (ops.length < count) {
      ops.push({
        kind: 'save',
        index: index(),
        session,
        timeline: timelineFor(session, seed + call),
      });
      saved.push(session);
    }
    // Now and then: an earlier session edited (follow-up done, a note added, or its start corrected to the
    // day before — which moves it to another partition), or the index snapshot written.
    const r = rnd();
    if (r < 0.3 && saved.length > 1 && ops.length < count) {
      const at = Math.floor(rnd() * saved.length);
      const before = saved[at];
      const how = rnd();
      const edited: Session =
        how < 0.4
          ? {
              ...before,
              wrapUp: {
                ...before.wrapUp,
                followUp: { ...before.wrapUp.followUp, doneAt: before.savedAt },
              },
            }
          : how < 0.8
            ? {
                ...before,
                wrapUp: {
                  ...before.wrapUp,
                  notes: `${before.wrapUp.notes}\nEdited after op ${ops.length}.`,
                },
              }
            : {
                ...before,
                startedAt: new Date(Date.parse(before.startedAt) - 86_400_000).toISOString(),
              };
      saved[at] = edited;
      ops.push({ kind: 'edit', index: index(), session: edited });
    } else if (r < 0.4 && ops.length < count) {
      ops.push({ kind: 'flush', index: index() });
    }
    call++;
  }
  return ops;
}

export function applyCrashOp(services: SessionServices, op: CrashOp): void {
  switch (op.kind) {
    case 'draft':
      services.drafts.save(op.draft);
      break;
    case 'save':
      // As the wrap-up does: the session, its timeline, then the draft it came from.
      services.repository.save(op.session);
      services.timelines.save(op.session.id, op.timeline);
      services.drafts.discardIfFor(op.session.id);
      break;
    case 'edit':
      services.repository.save(op.session);
      break;
    case 'flush':
      services.repository.flush();
      break;
  }
}

/** What must be on disk once operations [0, acked] completed; `inFlight` may have completed too. */
export interface CrashExpectation {
  /** Per session id: the versions it may have (the acknowledged one, and the in-flight one). */
  sessions: Map<string, Session[]>;
  timelines: Map<string, CallTimeline>;
  /** The drafts the store may hold (null: none). */
  drafts: (WrapUpDraft | null)[];
}

export function expectedAfter(ops: readonly CrashOp[], acked: number): CrashExpectation {
  const sessions = new Map<string, Session[]>();
  const timelines = new Map<string, CallTimeline>();
  let draft: WrapUpDraft | null = null;
  for (let i = 0; i <= acked; i++) {
    const op = ops[i];
    if (op.kind === 'draft') draft = op.draft;
    else if (op.kind === 'save') {
      sessions.set(op.session.id, [op.session]);
      timelines.set(op.session.id, op.timeline);
      if (draft?.callId === op.session.id) draft = null;
    } else if (op.kind === 'edit') sessions.set(op.session.id, [op.session]);
  }
  const drafts: (WrapUpDraft | null)[] = [draft];
  const next = ops[acked + 1];
  if (next?.kind === 'draft') drafts.push(next.draft);
  if (next?.kind === 'save' || next?.kind === 'edit')
    sessions.set(next.session.id, [...(sessions.get(next.session.id) ?? []), next.session]);
  if (next?.kind === 'save' && draft?.callId === next.session.id) drafts.push(null);
  return { sessions, timelines, drafts };
}
