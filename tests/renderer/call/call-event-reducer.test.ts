import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../preload/domain/call-event';
import {
  UNLINKED_CALL,
  decideCallEvent,
  type PhoneCallState,
} from '../../../renderer/src/call/call-event-reducer';

/** Runs events from `start` through the reducer; returns each outcome with the steps taken. */
function play(events: CallEvent[], start: PhoneCallState | null = null) {
  let call = start;
  return events.map((event) => {
    const d = decideCallEvent(call, event);
    call = d.next;
    return { outcome: d.outcome, steps: d.steps.map((s) => s.type).join('+'), call, did: d.did };
  });
}

const A = { id: 'A', ref: 'CASE-1' };

describe('call events against the call in progress', () => {
  it('start, hold, resume, mark, end: each applied once, in order', () => {
    const r = play([
      { kind: 'start', ...A },
      { kind: 'hold', id: 'A' },
      { kind: 'resume' },
      { kind: 'mark' },
      { kind: 'end', id: 'A' },
    ]);
    expect(r.map((x) => `${x.outcome}:${x.steps}`)).toEqual([
      'applied:start',
      'applied:hold',
      'applied:resume',
      'applied:mark',
      'applied:end',
    ]);
    expect(r[0].call).toEqual({ id: 'A', ref: 'CASE-1', from: null, held: false });
    expect(r[1].call?.held).toBe(true);
    expect(r[4].call).toBeNull();
  });

  it('ignores repeats: a second start, hold while held, resume while not held', () => {
    const r = play([
      { kind: 'start', ...A },
      { kind: 'start', ...A },
      { kind: 'start' },
      { kind: 'hold' },
      { kind: 'hold' },
      { kind: 'resume' },
      { kind: 'resume' },
    ]);
    expect(r.map((x) => `${x.outcome}:${x.steps}`)).toEqual([
      'applied:start',
      'ignored:',
      'ignored:',
      'applied:hold',
      'ignored:',
      'applied:resume',
      'ignored:',
    ]);
  });

  it('end with no call, or twice, is reported and changes nothing', () => {
    const r = play([
      { kind: 'end', id: 'A' },
      { kind: 'start', ...A },
      { kind: 'end' },
      { kind: 'end' },
    ]);
    expect(r.map((x) => `${x.outcome}:${x.steps}`)).toEqual([
      'refused:',
      'applied:start',
      'applied:end',
      'refused:',
    ]);
    expect(r[0].did).toBe('No call in progress: nothing ended.');
  });

  it('end, hold, resume or mark for another id change nothing', () => {
    const start = { id: 'A', ref: null, from: null, held: false };
    for (const kind of ['end', 'hold', 'resume', 'mark'] as const) {
      const d = decideCallEvent(start, { kind, id: 'B' });
      expect(d).toMatchObject({ outcome: 'refused', steps: [], next: start });
      expect(d.did).toContain('call B');
    }
  });

  it('hold, resume and mark with no call are refused', () => {
    for (const kind of ['hold', 'resume', 'mark'] as const)
      expect(decideCallEvent(null, { kind })).toMatchObject({ outcome: 'refused', steps: [] });
  });

  it('a start with another id ends the first call and starts the second', () => {
    const r = play([
      { kind: 'start', ...A },
      { kind: 'hold' },
      { kind: 'start', id: 'B', ref: 'CASE-2' },
    ]);
    expect(r[2]).toMatchObject({
      outcome: 'applied',
      steps: 'end+start',
      call: { id: 'B', ref: 'CASE-2', from: null, held: false },
    });
    expect(r[2].did).toContain('wrap-up is kept');
  });

  it('attaches id, ref and number to a call started by hand or by the caller’s voice, never overwriting', () => {
    const r = play(
      [
        { kind: 'start', id: 'A' },
        { kind: 'start', id: 'A', ref: 'CASE-1', from: '0123' },
        { kind: 'start', id: 'A', ref: 'OTHER' },
      ],
      UNLINKED_CALL,
    );
    expect(r.map((x) => `${x.outcome}:${x.steps}`)).toEqual(['applied:', 'applied:', 'ignored:']);
    expect(r[2].call).toEqual({ id: 'A', ref: 'CASE-1', from: '0123', held: false });
  });

  it('events without an id fit any call; an event with an id fits a call without one', () => {
    expect(decideCallEvent(UNLINKED_CALL, { kind: 'end', id: 'Z' })).toMatchObject({
      outcome: 'applied',
      steps: [{ type: 'end' }],
    });
  });

  it('out of order: end before start, resume before hold, two starts', () => {
    const r = play([
      { kind: 'end', id: 'A' },
      { kind: 'resume', id: 'A' },
      { kind: 'start', id: 'A' },
      { kind: 'resume', id: 'A' },
      { kind: 'start', id: 'A', ref: 'CASE-1' },
      { kind: 'end', id: 'A' },
      { kind: 'hold', id: 'A' },
    ]);
    expect(r.map((x) => x.outcome)).toEqual([
      'refused',
      'refused',
      'applied',
      'ignored',
      'applied',
      'applied',
      'refused',
    ]);
  });

  it('every sequence of events leaves a consistent state (exhaustive to length 4)', () => {
    const alphabet: CallEvent[] = [
      { kind: 'start', id: 'A' },
      { kind: 'start', id: 'B' },
      { kind: 'start' },
      { kind: 'end', id: 'A' },
      { kind: 'end' },
      { kind: 'hold' },
      { kind: 'resume' },
      { kind: 'mark', id: 'B' },
    ];
    const walk = (call: PhoneCallState | null, depth: number): void => {
      if (depth === 0) return;
      for (const event of alphabet) {
        const d = decideCallEvent(call, event);
        const starts = d.steps.filter((s) => s.type === 'start').length;
        const ends = d.steps.filter((s) => s.type === 'end').length;
        // What the steps do matches the state they leave.
        if (d.outcome !== 'applied') expect(d.steps.filter((s) => s.type !== 'mark')).toEqual([]);
        if (d.outcome !== 'applied') expect(d.next).toBe(call);
        if (ends > 0) expect(call).not.toBeNull();
        if (starts > 0) expect(d.next).not.toBeNull();
        if (d.next === null) expect(starts).toBe(0);
        if (d.next?.held) expect(call).not.toBeNull();
        // The same event again right after is never applied twice (marks are moments, not repeats).
        if (event.kind !== 'mark') {
          const again = decideCallEvent(d.next, event);
          if (d.outcome === 'applied' && event.kind !== 'end')
            expect(again.steps.filter((s) => s.type === 'start' || s.type === event.kind)).toEqual(
              [],
            );
        }
        walk(d.next, depth - 1);
      }
    };
    walk(null, 4);
  });
});
