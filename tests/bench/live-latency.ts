/**
 * Latency of what a page showed against the played file: the live coach's bench and its same-run floor
 * use the same matching, so the two figures differ only in what produced the page's changes.
 * - meter: each speech onset in the file (after ≥ 0.6 s of that party's silence) → the first non-empty
 *   `data-level` of that party's meter;
 * - cue: each moment a rule's threshold is met in the file → the banner showing it: "wait for the
 *   pause" (the caller starts after a silence of both, confirmed after onsetFrames × 10 ms), "your turn"
 *   (the caller's pause reaches pauseSec), "talking over" (the agent talks over the caller for
 *   backchannelSec).
 * Times are from getUserMedia resolving (file time 0, −3…+10 ms).
 */
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings';
import { DEFAULT_VOICE_ACTIVITY_OPTIONS } from '../../renderer/engine/voice-activity';
import { truthOf, type Dialogue } from '../support/dialogues';
import { risingEdges, type PageChange } from '../support/live-run';

export interface Latencies {
  meter: number[];
  cue: number[];
  /** The rule of each cue latency (same order). */
  cueRules: ('wait-for-pause' | 'your-turn' | 'talking-over')[];
}

export function measureLatencies(
  call: Dialogue,
  captureStartMs: number,
  changes: PageChange[],
): Latencies {
  const t0 = captureStartMs;
  const meter: number[] = [];
  for (const who of ['caller', 'agent'] as const) {
    const edges = risingEdges(
      changes,
      who === 'caller' ? 'meter-caller' : 'meter-agent',
      (v) => v !== '',
    );
    const turns = truthOf(call, who);
    turns.forEach((u, i) => {
      if (i > 0 && u.start - turns[i - 1].end < 0.6) return;
      const expected = t0 + u.start * 1000;
      const seen = edges.find((e) => e > expected - 30 && e < expected + 400);
      if (seen !== undefined) meter.push(seen - expected);
    });
  }

  const cue: number[] = [];
  const cueRules: Latencies['cueRules'] = [];
  const callerTurns = truthOf(call, 'caller');
  const agentTurns = truthOf(call, 'agent');
  const yourTurn = risingEdges(changes, 'cue-banner', (v) => v === 'your-turn');
  const waits = risingEdges(changes, 'cue-banner', (v) => v === 'wait-for-pause');
  const onsetSec = DEFAULT_VOICE_ACTIVITY_OPTIONS.onsetFrames * 0.01;
  for (const c of callerTurns) {
    const quietBefore = [...agentTurns, ...callerTurns].every(
      (u) => u === c || u.end < c.start - 0.6 || u.start > c.start,
    );
    if (!quietBefore) continue;
    const expected = t0 + (c.start + onsetSec) * 1000;
    const seen = waits.find((e) => e > expected - 200 && e < expected + 500);
    if (seen === undefined) continue;
    cue.push(seen - expected);
    cueRules.push('wait-for-pause');
  }
  const over = risingEdges(changes, 'cue-banner', (v) => v === 'talking-over');
  for (const c of callerTurns) {
    const next = Math.min(
      ...[...agentTurns, ...callerTurns].filter((u) => u.start > c.end).map((u) => u.start),
      Infinity,
    );
    if (next - c.end < DEFAULT_CUE_SETTINGS.pauseSec + 0.2) continue;
    const expected = t0 + (c.end + DEFAULT_CUE_SETTINGS.pauseSec) * 1000;
    const seen = yourTurn.find((e) => e > expected - 200 && e < expected + 500);
    if (seen === undefined) continue;
    cue.push(seen - expected);
    cueRules.push('your-turn');
  }
  for (const a of agentTurns) {
    const overlapped = callerTurns.find((c) => a.start > c.start && a.start < c.end);
    if (!overlapped) continue;
    const expected = t0 + (a.start + DEFAULT_CUE_SETTINGS.backchannelSec) * 1000;
    const seen = over.find((e) => e > expected - 200 && e < expected + 500);
    if (seen === undefined) continue;
    cue.push(seen - expected);
    cueRules.push('talking-over');
  }
  return { meter, cue, cueRules };
}

/** "wait-for-pause 12 15, your-turn 40 …" — per rule, for the bench log. */
export function listCueLatencies(l: Latencies): string {
  const rules = [...new Set(l.cueRules)];
  return rules
    .map((r) => `${r} ${listLatencies(l.cue.filter((_, i) => l.cueRules[i] === r))}`)
    .join(', ');
}

/** "12 15 40" — latencies sorted, for the bench log. */
export function listLatencies(xs: number[]): string {
  return [...xs]
    .sort((a, b) => a - b)
    .map((x) => x.toFixed(0))
    .join(' ');
}
