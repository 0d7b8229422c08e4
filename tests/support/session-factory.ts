/**
 * The one factory of realistic, schema-valid sessions (and drafts, version-1 sessions, timelines) for
 * tests and benchmarks, deterministic by seed: the same seed gives the same sessions, byte for byte. Calls last 1–20 minutes, have 0–6 priorities (some confirmed), cue
 * intervals and talking-over episodes that match their counts, wrap-ups with every field used, and text
 * with accents, emoji and right-to-left script. `tricky: true` adds formula-looking and quote/newline text
 * (CSV injection and RFC 4180 cases).
 */
import {
  CUE_KIND_VALUES,
  ESCALATION_VALUES,
  FOLLOW_UP_CHANNEL_VALUES,
  GOODWILL_VALUES,
  PRIORITY_KIND_VALUES,
  RESOLUTION_VALUES,
  ROOT_CAUSE_VALUES,
  SESSION_SCHEMA_VERSION,
  type Priority,
  type Session,
} from '../../preload/contract/session-schema';
import type { WrapUpDraft } from '../../preload/contract/session-ipc-schema';
import type { CallTimeline } from '../../renderer/engine/call-types';
import type { SessionV1 } from '../../main/sessions/session-migrations';

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number): boolean => rng() < p;
/** Seconds with 0.1 s resolution, as the engine reports them. */
const tenths = (value: number): number => Math.round(value * 10) / 10;

/** A version-4 UUID from the generator (valid for z.uuid()). */
export function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => int(rng, 0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + int(rng, 0, 3)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const PRIORITY_TEXTS = [
  'Refund for the double charge on the March invoice',
  'Router drops the connection every evening',
  'Wants a named person who calls back',
  'Kündigung bestätigen, bevor die Frist abläuft',
  'Livraison annulée sans prévenir — colis perdu',
  'Nobody listened the last three times 😤',
  'Password reset link never arrives',
  'Upset that the technician did not show up',
  'الفاتورة غير صحيحة',
  'Needs the contract in writing before Friday',
  'Moving house, wants the line moved the same day',
  'Felt talked down to by the shop staff',
];
/** Formula-looking, quote and newline text (CSV injection and RFC 4180 cases). */
export const TRICKY_TEXTS = [
  '=HYPERLINK("http://evil.example","click")',
  '+1 555 0100 called twice',
  '-5 minutes on hold, again',
  '@SUM(A1:A9)',
  "\t=cmd|' /C calc'!A0",
  '\r=1+1',
  'She said "this is the last time", then hung up',
  'Line one\nLine two, with a comma',
  ' =leading space formula',
];
const CATALYSTS = [
  'Afraid of losing the deposit on the new flat',
  'Works from home; without internet no income this week',
  'Felt ignored after three calls — wants to be taken seriously',
  'Elderly parent depends on the landline',
  '',
];
const NOTES = [
  'Customer calmer after the restatement. Promised a written confirmation.',
  'Asked for a manager twice; handled without transfer.',
  'Très aimable à la fin — merci ! 👍',
  '',
  'Follow the ticket; check whether the area outage explains it.',
];
const WHO = ['me', 'billing team', 'field service', 'team lead', 'Zoë (back office)'];
const ESCALATION_REASONS = [
  '',
  'Customer insisted on a supervisor',
  'Needs a technician on site',
  'Repeated insults',
];

export interface SessionFactoryOptions {
  seed: number;
  /** Agent names to spread the calls over. */
  agents?: readonly string[];
  /** First calendar day (YYYY-MM-DD) of the calls. Default 2026-01-05. */
  fromDay?: string;
  /** How many days the calls spread over. Default 30. */
  days?: number;
  /** Add formula-looking, quote and newline text to priorities, notes and next steps. */
  tricky?: boolean;
  /** UTC offset the agents' clocks show, in minutes (recorded in the ISO timestamps). Default +60. */
  offsetMinutes?: number;
}

export const DEFAULT_AGENTS = ['Ana Souza', 'Björn Lindqvist', 'Chidi Okafor'] as const;

function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function day(epochMs: number, offsetMinutes: number): string {
  return new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function intervals(
  rng: Rng,
  count: number,
  durationSec: number,
  maxLen: number,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    const start = tenths(rng() * Math.max(0, durationSec - maxLen));
    out.push({ start, end: tenths(Math.min(durationSec, start + 0.3 + rng() * maxLen)) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function lufsOrNull(rng: Rng, center: number, spread: number, pNull = 0.03): number | null {
  return chance(rng, pNull) ? null : Math.round((center + (rng() - 0.5) * spread) * 100) / 100;
}

/** One session; `index` spreads calls over the days and agents. */
export function makeSession(rng: Rng, index: number, options: SessionFactoryOptions): Session {
  const agents = options.agents ?? DEFAULT_AGENTS;
  const days = options.days ?? 30;
  const offset = options.offsetMinutes ?? 60;
  const dayStart = Date.parse(`${options.fromDay ?? '2026-01-05'}T00:00:00Z`) - offset * 60_000;
  const startMs =
    dayStart +
    int(rng, 0, days - 1) * 86_400_000 +
    int(rng, 8 * 3600, 18 * 3600) * 1000 +
    int(rng, 0, 999);
  return generate(rng, index, startMs, agents[index % agents.length], options);
}

/** Where a session starts and what a test pins down; everything else is generated. */
export interface SessionAt {
  readonly startedMs: number;
  readonly agent?: string;
  /** 'YYYY-MM-DD' or null; default: sometimes, a few days on. */
  readonly followUpDate?: string | null;
  /** UTC offset of the timestamps in minutes; default 0 (Z). */
  readonly offsetMinutes?: number;
}

/**
 * One session starting at `at.startedMs`, as a call saved through the app is before the host has looked
 * at its files: no timeline or recording claimed, the follow-up not done.
 */
export function sessionAt(rng: Rng, at: SessionAt): Session {
  const session = generate(rng, 0, at.startedMs, at.agent ?? pick(rng, DEFAULT_AGENTS), {
    seed: 0,
    offsetMinutes: at.offsetMinutes ?? 0,
  });
  const followUp = session.wrapUp.followUp;
  return {
    ...session,
    hasTimeline: false,
    recording: null,
    wrapUp: {
      ...session.wrapUp,
      followUp: {
        ...followUp,
        date: at.followUpDate !== undefined ? at.followUpDate : followUp.date,
        doneAt: null,
      },
    },
  };
}

function generate(
  rng: Rng,
  index: number,
  startMs: number,
  agent: string,
  options: SessionFactoryOptions,
): Session {
  const offset = options.offsetMinutes ?? 60;
  const texts = options.tricky ? [...PRIORITY_TEXTS, ...TRICKY_TEXTS] : PRIORITY_TEXTS;
  const durationSec = tenths(60 + rng() * 1140);
  const endMs = startMs + Math.round(durationSec * 1000);
  const afterCallWorkSec = tenths(20 + rng() * 400);

  const heated = chance(rng, 0.35);
  const cueCounts = Object.fromEntries(CUE_KIND_VALUES.map((c) => [c, 0])) as Record<
    (typeof CUE_KIND_VALUES)[number],
    number
  >;
  cueCounts['wait-for-pause'] = int(rng, 0, 12);
  cueCounts['your-turn'] = int(rng, 0, 20);
  cueCounts['talking-over'] = int(rng, 0, heated ? 9 : 3);
  cueCounts['too-loud'] = int(rng, 0, heated ? 6 : 2);
  cueCounts['caller-heated'] = heated ? int(rng, 1, 4) : 0;
  const cues = CUE_KIND_VALUES.flatMap((cue) =>
    intervals(rng, cueCounts[cue], durationSec, 4).map((iv) => ({ ...iv, cue })),
  );
  cues.sort((a, b) => a.start - b.start);
  const overtalkCount = int(rng, 0, heated ? 10 : 3);
  const overtalk = intervals(rng, overtalkCount, durationSec, 2.5).map((iv) => ({
    ...iv,
    startedBy: chance(rng, 0.6) ? ('caller' as const) : ('agent' as const),
  }));
  const callerTalkSec = tenths(durationSec * (0.35 + rng() * 0.3));
  const agentTalkSec = tenths(durationSec * (0.2 + rng() * 0.25));

  const priorityCount = chance(rng, 0.1) ? 0 : int(rng, 1, 6);
  const priorities: Priority[] = Array.from({ length: priorityCount }, (_, i) => ({
    id: `p${index}-${i + 1}`,
    text: pick(rng, texts),
    kind: pick(rng, PRIORITY_KIND_VALUES),
    confirmed: chance(rng, 0.6),
    rank: i + 1,
  }));
  const resolution = chance(rng, 0.08) ? null : pick(rng, RESOLUTION_VALUES);
  const escalationKind = chance(rng, 0.8) ? 'none' : pick(rng, ESCALATION_VALUES.slice(1));
  const goodwillKind = chance(rng, 0.7) ? 'none' : pick(rng, GOODWILL_VALUES.slice(1));
  const hasFollowUp = chance(rng, 0.45);
  const followUpDay = day(startMs + int(rng, 1, 10) * 86_400_000, offset);
  const followUpDone = hasFollowUp && chance(rng, 0.4);

  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: seededUuid(rng),
    agent,
    startedAt: isoWithOffset(startMs, offset),
    endedAt: isoWithOffset(endMs, offset),
    call: {
      durationSec,
      sampleRate: pick(rng, [8000, 16000, 44100, 48000]),
      metrics: {
        callerTalkSec,
        agentTalkSec,
        talkRatio:
          callerTalkSec + agentTalkSec > 0
            ? Math.round((agentTalkSec / (callerTalkSec + agentTalkSec)) * 1000) / 1000
            : null,
        overtalkCount,
        overtalkSec: tenths(overtalk.reduce((sum, o) => sum + (o.end - o.start), 0)),
        longestCallerTurnSec: tenths(5 + rng() * 80),
        medianResponseGapSec: chance(rng, 0.05) ? null : tenths(0.2 + rng() * 1.5),
        timeToCalmSec: heated && chance(rng, 0.8) ? tenths(10 + rng() * 300) : null,
        cueCounts,
      },
      loudness: {
        caller: {
          integratedLufs: lufsOrNull(rng, heated ? -16 : -22, 8),
          maxMomentaryLufs: lufsOrNull(rng, heated ? -8 : -14, 8),
          maxShortTermLufs: lufsOrNull(rng, heated ? -11 : -17, 8),
          peakDbfs: lufsOrNull(rng, -3, 5),
        },
        agent: {
          integratedLufs: lufsOrNull(rng, -23, 6),
          maxMomentaryLufs: lufsOrNull(rng, -15, 6),
          maxShortTermLufs: lufsOrNull(rng, -18, 6),
          peakDbfs: lufsOrNull(rng, -6, 5),
        },
      },
      overtalk,
      cues,
      marks: Array.from({ length: int(rng, 0, 3) }, () => tenths(rng() * durationSec)).sort(
        (a, b) => a - b,
      ),
      agentNormalLufs: chance(rng, 0.3) ? null : lufsOrNull(rng, -24, 4, 0),
    },
    wrapUp: {
      priorities,
      emotionalCatalyst: pick(rng, CATALYSTS),
      ownershipTaken: chance(rng, 0.8),
      apologyGiven: chance(rng, 0.7),
      resolution,
      nextSteps: Array.from({ length: int(rng, 0, 4) }, () => ({
        what: pick(rng, texts),
        who: pick(rng, WHO),
        byWhen: chance(rng, 0.3) ? null : day(startMs + int(rng, 0, 14) * 86_400_000, offset),
      })),
      escalation: {
        kind: escalationKind,
        reason: escalationKind === 'none' ? '' : pick(rng, ESCALATION_REASONS),
      },
      goodwill: {
        kind: goodwillKind,
        value: goodwillKind === 'none' || chance(rng, 0.3) ? null : Math.round(rng() * 5000) / 100,
        note: goodwillKind === 'none' ? '' : 'Approved by the shift lead',
      },
      rootCause: {
        category: chance(rng, 0.25) ? null : pick(rng, ROOT_CAUSE_VALUES),
        note: chance(rng, 0.5) ? '' : pick(rng, texts),
        mayAffectOthers: chance(rng, 0.15),
      },
      followUp: {
        date: hasFollowUp ? followUpDay : null,
        channel: pick(rng, FOLLOW_UP_CHANNEL_VALUES),
        doneAt: followUpDone
          ? isoWithOffset(Date.parse(`${followUpDay}T09:30:00Z`) - offset * 60_000, offset)
          : null,
      },
      caseReference: chance(rng, 0.2) ? '' : `CASE-${int(rng, 10000, 99999)}`,
      notes: options.tricky && chance(rng, 0.3) ? pick(rng, TRICKY_TEXTS) : pick(rng, NOTES),
    },
    afterCallWorkSec,
    savedAt: isoWithOffset(endMs + Math.round(afterCallWorkSec * 1000), offset),
    hasTimeline: chance(rng, 0.9),
    recording: chance(rng, 0.1) ? `recordings/${index}.wav` : null,
  };
}

/** `count` sessions, newest first (as the repository yields them). */
export function makeSessions(count: number, options: SessionFactoryOptions): Session[] {
  const rng = seededRandom(options.seed);
  const sessions = Array.from({ length: count }, (_, i) => makeSession(rng, i, options));
  return sessions.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

/** The live coach's hand-off as version 1 stored it (no wrap-up). */
export function sessionV1At(rng: Rng, startedMs: number): SessionV1 {
  const session = sessionAt(rng, { startedMs });
  return {
    schemaVersion: 1,
    id: session.id,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    call: session.call,
    priorities: session.wrapUp.priorities.map(({ id, text, kind, confirmed }) => ({
      id,
      text,
      kind,
      confirmed,
    })),
  };
}

/** A wrap-up in progress on the resolution step, for a call that started at `startedMs`. */
export function draftAt(rng: Rng, startedMs: number): WrapUpDraft {
  const session = sessionAt(rng, { startedMs });
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
export function makeTimeline(rng: Rng, durationSec: number): CallTimeline {
  const points = Math.round(durationSec * 10) + 1;
  const series = () =>
    Array.from({ length: points }, (_, i) => (i === 0 || rng() < 0.2 ? null : -35 + rng() * 25));
  return {
    stepSec: 0.1,
    caller: { momentary: series(), shortTerm: series() },
    agent: { momentary: series(), shortTerm: series() },
  };
}
