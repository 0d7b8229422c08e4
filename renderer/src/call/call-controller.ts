/**
 * The call in progress, without React: its id and start, the moments marked, the priorities restated, the
 * phone software's side (events in arrival order, hold), and the hand-off to the wrap-up. Whatever starts
 * a call — the button, a hotkey, the phone software, the caller's voice (auto-start) — goes through
 * `start`, which first tells the app (`onStarting`: the coach comes forward, an open wrap-up is kept),
 * then opens the call on the coach. `end` closes it and hands the finished call over (`onFinished`).
 * `useCall` renders it; tests drive it with a scripted coach.
 */
import type {
  CallEventAnswer,
  CallEventNotice,
} from '../../../preload/contract/call-event-contract';
import type { PhoneCallRecord } from '../../../preload/contract/session-schema';
import type { Settings } from '../../../preload/contract/settings-schema';
import { DEFAULT_CALLER_NUMBER_POLICY } from '../../../preload/domain/caller-number';
import type { CallAnalysis } from '../../engine/call-types';
import { UNLINKED_CALL, decideCallEvent, type PhoneCallState } from './call-event-reducer';
import { PhoneCallLog } from './phone-call-log';
import type { FinishedCall, Priority } from '../live-coach/finished-call';
import { createTypedEmitter } from '../api/typed-emitter';

/** What started the call. */
export type CallTrigger = 'button' | 'hotkey' | 'phone' | 'caller-voice';

/** An auto-started call begins this far before the caller's voice was detected (their first words). */
export const AUTO_START_PRE_ROLL_SEC = 1;

export interface CallState {
  /** A call is in progress on the coach. */
  readonly live: boolean;
  /** When it started (ms since the epoch, pre-roll included); null when no call. */
  readonly startedAtMs: number | null;
  readonly priorities: readonly Priority[];
  /** The phone software put it on hold. */
  readonly held: boolean;
}

/** What the controller needs of the live coach (CoachController and its session in the app). */
export interface CallCoach {
  startCall(preRollSec: number): Promise<void>;
  endCall(): Promise<CallAnalysis | null>;
  /** The call's clock (s), and whether the coach has a call. */
  now(): { inCall: boolean; timeSec: number };
  setHeld(held: boolean): void;
  /** The id the coach filed the call's audio under. */
  callId(): string | null;
}

export interface CallControllerDeps {
  readonly coach: CallCoach;
  readonly settings: () => Settings | null;
  readonly answerEvent: (eventId: string, answer: CallEventAnswer) => void;
  readonly newId: () => string;
  readonly now?: () => number;
  /** A call is about to start (before its audio opens): the app shows the coach. */
  readonly onStarting: (trigger: CallTrigger) => void;
  readonly onFinished: (call: FinishedCall) => void;
}

export interface CallController {
  getState(): CallState;
  subscribe(listener: () => void): () => void;
  /** Starts a call (nothing when one is in progress); resolves true when the coach has it. */
  start(trigger: CallTrigger, preRollSec?: number): Promise<boolean>;
  end(): Promise<void>;
  mark(): void;
  setPriorities(priorities: readonly Priority[]): void;
  /** An event from the phone software: run in arrival order, each answered with what it did. */
  phoneEvent(notice: CallEventNotice): Promise<void>;
  /** The caller began to speak outside a call: auto-start when enabled and no phone software speaks. */
  callerSpoke(): void;
}

const IDLE: CallState = { live: false, startedAtMs: null, priorities: [], held: false };

export function createCallController(deps: CallControllerDeps): CallController {
  const now = deps.now ?? (() => Date.now());
  let state = IDLE;
  const changed = createTypedEmitter<{ change: void }>();
  let marks: number[] = [];
  let phone: PhoneCallState | null = null;
  let log = new PhoneCallLog();
  let queue: Promise<void> = Promise.resolve();
  /** Once an event has arrived, the phone software is trusted over auto-start on the caller's voice. */
  let eventsSeen = false;
  let starting: Promise<boolean> | null = null;

  const set = (patch: Partial<CallState>): void => {
    state = { ...state, ...patch };
    changed.emit('change');
  };
  const callTime = (): number => deps.coach.now().timeSec;

  const start = (trigger: CallTrigger, preRollSec = 0): Promise<boolean> => {
    if (state.live) return Promise.resolve(true);
    starting ??= (async () => {
      deps.onStarting(trigger);
      marks = [];
      phone = null;
      log = new PhoneCallLog();
      await deps.coach.startCall(preRollSec);
      if (!deps.coach.now().inCall) return false;
      set({ live: true, startedAtMs: now() - preRollSec * 1000, priorities: [], held: false });
      return true;
    })().finally(() => (starting = null));
    return starting;
  };

  const end = async (): Promise<void> => {
    await starting;
    if (!state.live) return;
    const startedAtMs = state.startedAtMs ?? now();
    const priorities = [...state.priorities];
    const phoneRecord: PhoneCallRecord | null = log.record(
      phone,
      callTime(),
      deps.settings()?.recording.callerNumber ?? DEFAULT_CALLER_NUMBER_POLICY,
    );
    phone = null;
    const analysis = await deps.coach.endCall();
    set(IDLE);
    if (!analysis) return;
    deps.onFinished({
      id: deps.coach.callId() ?? deps.newId(),
      startedAt: new Date(startedAtMs).toISOString(),
      endedAt: new Date(now()).toISOString(),
      analysis,
      priorities,
      marks,
      ...(phoneRecord ? { phone: phoneRecord } : {}),
    });
  };

  const mark = (): void => {
    const { inCall, timeSec } = deps.coach.now();
    if (state.live && inCall) marks.push(Math.round(timeSec * 10) / 10);
  };

  const setHeld = (held: boolean): void => {
    deps.coach.setHeld(held);
    if (held) log.hold(callTime());
    else log.resume(callTime());
    set({ held });
  };

  const apply = async ({ eventId, event }: CallEventNotice): Promise<void> => {
    eventsSeen = true;
    const inCall = state.live;
    const decision = decideCallEvent(inCall ? (phone ?? UNLINKED_CALL) : null, event);
    let answer: CallEventAnswer = {
      outcome: decision.outcome,
      did: decision.did,
    };
    for (const step of decision.steps) {
      switch (step.type) {
        case 'end':
          log.note(callTime(), event, decision);
          await end();
          break;
        case 'start':
          if (!(await start('phone'))) {
            answer = { outcome: 'failed', did: 'The call could not start: see the coach screen.' };
            break;
          }
          phone = decision.next;
          log.note(0, event, decision);
          break;
        case 'hold':
        case 'resume':
          setHeld(step.type === 'hold');
          break;
        case 'mark':
          mark();
          break;
      }
    }
    const stepsNoted = decision.steps.some((s) => s.type === 'start' || s.type === 'end');
    if (!stepsNoted && inCall) {
      phone = decision.next;
      log.note(callTime(), event, decision);
    }
    deps.answerEvent(eventId, answer);
  };

  return {
    getState: () => state,
    subscribe: (listener) => changed.on('change', listener),
    start,
    end,
    mark,
    setPriorities: (priorities) => {
      if (state.live) set({ priorities: [...priorities] });
    },
    phoneEvent(notice) {
      queue = queue.then(() => apply(notice)).catch(() => undefined);
      return queue;
    },
    callerSpoke() {
      if (deps.settings()?.autoStartOnCallerSpeech && !eventsSeen)
        void start('caller-voice', AUTO_START_PRE_ROLL_SEC);
    },
  };
}
