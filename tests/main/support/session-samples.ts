/**
 * Realistic generated sessions for repository tests and the bench: deterministic (seeded), calls of a few
 * minutes with overtalk and cue intervals, wrap-ups with priorities, next steps, notes in several
 * languages (accents), case references and follow-ups.
 */
import type { CallTimeline } from '../../../renderer/engine/call-types';
import type { WrapUpDraft } from '../../../preload/contract/session-ipc-schema';
import {
  CUE_KIND_VALUES,
  ESCALATION_VALUES,
  PRIORITY_KIND_VALUES,
  RESOLUTION_VALUES,
  ROOT_CAUSE_VALUES,
  type CallRecord,
  type Session,
} from '../../../preload/contract/session-schema';
import type { SessionV1 } from '../../../main/sessions/session-migrations';

export type Random = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
const int = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));
const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function sampleUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = pick(random, ['8', '9', 'a', 'b']);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const PRIORITY_TEXTS = [
  'Double charge on the March invoice',
  'Router drops the connection every evening',
  'Wants to cancel the contract before renewal',
  'Parcel marked delivered but never arrived',
  'Felt ignored after three previous calls',
  'Needs the refund before the rent is due',
  'Technician did not show up on Tuesday',
  'Facture de février incorrecte — frais de résiliation',
  'Rückerstattung für die doppelte Abbuchung',
  'Wrong tariff applied since the move',
  'Password reset email never arrives',
  'Elderly parent cannot use the new app',
];
const CATALYSTS = [
  'Afraid of being overdrawn before payday',
  'Works from home and lost two days of income',
  'Embarrassed in front of their family when the card was declined',
  'Feels the company does not keep promises',
  'Stress about the move and the new baby',
  'Angst vor einer Mahnung',
  '',
];
const NEXT_STEPS = [
  'Refund the double charge',
  'Send a technician',
  'Call back with the investigation result',
  'Escalate the delivery claim to the carrier',
  'Email the corrected invoice',
  'Reset the account and confirm by SMS',
];
const NOTES = [
  'Customer calmer after the apology; confirmed all priorities.',
  'Raised voice at first, then agreed to the plan. Asked for a written confirmation.',
  'Second call this week about the same fault. Offered a credit as goodwill.',
  'Client très mécontent, a menacé de résilier. Rappel prévu.',
  'Kunde war verärgert über die Wartezeit; Gutschrift angeboten.',
  'Mentioned a complaint to the regulator. Supervisor informed.',
  '',
  '',
];
const AGENTS = ['Ana Silva', 'Jonas Weber', 'Chloé Martin', 'Sam Okafor', 'Priya Nair'];

export function sampleCallRecord(random: Random, durationSec: number): CallRecord {
  const overtalk = Array.from({ length: int(random, 0, 12) }, () => {
    const start = round(random() * durationSec);
    return {
      start,
      end: round(Math.min(durationSec, start + 0.3 + random() * 2)),
      startedBy: pick(random, ['caller', 'agent'] as const),
    };
  }).sort((a, b) => a.start - b.start);
  const cues = Array.from({ length: int(random, 3, 30) }, () => {
    const start = round(random() * durationSec);
    return {
      start,
      end: round(Math.min(durationSec, start + 0.5 + random() * 6)),
      cue: pick(random, CUE_KIND_VALUES),
    };
  }).sort((a, b) => a.start - b.start);
  const cueCounts = Object.fromEntries(
    CUE_KIND_VALUES.map((cue) => [cue, cues.filter((c) => c.cue === cue).length]),
  ) as CallRecord['metrics']['cueCounts'];
  const callerTalkSec = round(durationSec * (0.35 + random() * 0.25));
  const agentTalkSec = round(durationSec * (0.2 + random() * 0.2));
  const party = () => ({
    integratedLufs: round(-30 + random() * 12),
    maxMomentaryLufs: round(-18 + random() * 10),
    maxShortTermLufs: round(-20 + random() * 10),
    peakDbfs: round(-6 + random() * 5),
  });
  return {
    durationSec,
    sampleRate: pick(random, [16000, 48000]),
    metrics: {
      callerTalkSec,
      agentTalkSec,
      talkRatio: round(agentTalkSec / (agentTalkSec + callerTalkSec), 3),
      overtalkCount: overtalk.length,
      overtalkSec: round(overtalk.reduce((sum, o) => sum + o.end - o.start, 0)),
      longestCallerTurnSec: round(5 + random() * 60),
      medianResponseGapSec: round(0.3 + random()),
      timeToCalmSec: random() < 0.4 ? round(20 + random() * 200) : null,
      cueCounts,
    },
    loudness: { caller: party(), agent: party() },
    overtalk,
    cues,
    marks: Array.from({ length: int(random, 0, 3) }, () => round(random() * durationSec)),
    agentNormalLufs: round(-26 + random() * 4),
  };
}

export interface SampleSessionOptions {
  readonly startedMs: number;
  readonly agent?: string;
  /** Local 'YYYY-MM-DD' for the follow-up; default: sometimes, 30 days on. */
  readonly followUpDate?: string | null;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function sampleSession(random: Random, options: SampleSessionOptions): Session {
  const durationSec = round(60 + -Math.log(1 - random() * 0.98) * 300, 1);
  const startedAt = new Date(options.startedMs).toISOString();
  const endedMs = options.startedMs + durationSec * 1000;
  const afterCallWorkSec = round(20 + random() * 180, 1);
  const priorities = Array.from({ length: int(random, 1, 4) }, (_, index) => ({
    id: `p${index + 1}`,
    text: pick(random, PRIORITY_TEXTS),
    kind: pick(random, PRIORITY_KIND_VALUES),
    confirmed: random() < 0.7,
    rank: index + 1,
  }));
  const hasFollowUp = random() < 0.35;
  const followUpDate =
    options.followUpDate !== undefined
      ? options.followUpDate
      : hasFollowUp
        ? isoDay(options.startedMs + 30 * 86_400_000)
        : null;
  const escalation = random() < 0.85 ? 'none' : pick(random, ESCALATION_VALUES.slice(1));
  return {
    schemaVersion: 2,
    id: sampleUuid(random),
    agent: options.agent ?? pick(random, AGENTS),
    startedAt,
    endedAt: new Date(endedMs).toISOString(),
    call: sampleCallRecord(random, durationSec),
    wrapUp: {
      priorities,
      emotionalCatalyst: pick(random, CATALYSTS),
      ownershipTaken: random() < 0.8,
      apologyGiven: random() < 0.7,
      resolution: random() < 0.1 ? null : pick(random, RESOLUTION_VALUES),
      nextSteps: Array.from({ length: int(random, 0, 2) }, () => ({
        what: pick(random, NEXT_STEPS),
        who: pick(random, ['me', 'billing team', 'technician', 'supervisor']),
        byWhen: random() < 0.7 ? isoDay(options.startedMs + int(random, 1, 14) * 86_400_000) : null,
      })),
      escalation: {
        kind: escalation,
        reason: escalation === 'none' ? '' : 'Customer asked for a manager twice',
      },
      goodwill:
        random() < 0.2
          ? { kind: 'credit', value: int(random, 5, 50), note: 'Goodwill credit' }
          : { kind: 'none', value: null, note: '' },
      rootCause: {
        category: random() < 0.7 ? pick(random, ROOT_CAUSE_VALUES) : null,
        note: random() < 0.5 ? 'Billing system applied the old tariff after the move' : '',
        mayAffectOthers: random() < 0.2,
      },
      followUp: {
        date: followUpDate,
        channel: pick(random, ['call', 'email', 'letter'] as const),
        doneAt: null,
      },
      caseReference: random() < 0.8 ? `INC-${int(random, 100000, 999999)}` : '',
      notes: [pick(random, NOTES), random() < 0.3 ? pick(random, NOTES) : '']
        .filter(Boolean)
        .join(' '),
    },
    afterCallWorkSec,
    savedAt: new Date(endedMs + afterCallWorkSec * 1000).toISOString(),
    hasTimeline: false,
    recording: null,
  };
}

/** The live coach's hand-off as version 1 stored it (no wrap-up). */
export function sampleSessionV1(random: Random, startedMs: number): SessionV1 {
  const v2 = sampleSession(random, { startedMs });
  return {
    schemaVersion: 1,
    id: v2.id,
    startedAt: v2.startedAt,
    endedAt: v2.endedAt,
    call: v2.call,
    priorities: v2.wrapUp.priorities.map(({ id, text, kind, confirmed }) => ({
      id,
      text,
      kind,
      confirmed,
    })),
  };
}

export function sampleDraft(random: Random, startedMs: number): WrapUpDraft {
  const session = sampleSession(random, { startedMs });
  return {
    callId: session.id,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    call: session.call,
    wrapUp: session.wrapUp,
    step: 'resolution',
    updatedAt: session.savedAt,
    agent: session.agent,
  };
}

/** A timeline of `durationSec` at 100 ms, with gated silences (null) and full-precision levels. */
export function sampleTimeline(random: Random, durationSec: number): CallTimeline {
  const points = Math.round(durationSec * 10) + 1;
  const series = () =>
    Array.from({ length: points }, (_, i) =>
      i === 0 || random() < 0.2 ? null : -35 + random() * 25,
    );
  return {
    stepSec: 0.1,
    caller: { momentary: series(), shortTerm: series() },
    agent: { momentary: series(), shortTerm: series() },
  };
}
