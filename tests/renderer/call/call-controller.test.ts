/**
 * The call in progress as the agent meets it: whatever starts a call brings the coach forward first, a
 * call that could not start is answered as failed, back-to-back calls from the phone software end the
 * first (its wrap-up opens) before the second starts, and the finished call carries its marks,
 * priorities and phone record. Driven with a scripted coach and the real event reducer.
 */
import { describe, expect, it } from 'vitest';
import type { CallEventNotice } from '../../../preload/contract/call-event-contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../preload/contract/settings-schema';
import type { CallEvent } from '../../../preload/domain/call-event';
import type { CallAnalysis } from '../../../renderer/engine/call-types';
import {
  AUTO_START_PRE_ROLL_SEC,
  createCallController,
  type CallCoach,
} from '../../../renderer/src/call/call-controller';
import type { FinishedCall } from '../../../renderer/src/live-coach/finished-call';

function setup(options: { refuseStart?: boolean; settings?: Partial<Settings> } = {}) {
  const log: string[] = [];
  const answers: { eventId: string; outcome: string; did: string }[] = [];
  const finished: FinishedCall[] = [];
  let inCall = false;
  let timeSec = 0;
  let ids = 0;
  let clock = Date.parse('2026-12-06T10:00:00Z');
  const coach: CallCoach = {
    async startCall(preRollSec) {
      log.push(`coach start ${preRollSec}`);
      if (!options.refuseStart) inCall = true;
    },
    async endCall() {
      log.push('coach end');
      const was = inCall;
      inCall = false;
      return was ? ({ durationSec: timeSec } as CallAnalysis) : null;
    },
    now: () => ({ inCall, timeSec }),
    setHeld: (held) => log.push(`held ${held}`),
    callId: () => `call-${ids}`,
  };
  const settings = { ...structuredClone(DEFAULT_SETTINGS), ...options.settings } as Settings;
  const controller = createCallController({
    coach,
    settings: () => settings,
    answerEvent: (eventId, answer) => answers.push({ eventId, ...answer }),
    newId: () => `new-${++ids}`,
    now: () => clock,
    onStarting: (trigger) => {
      ids++;
      log.push(`starting ${trigger}`);
    },
    onFinished: (call) => {
      log.push(`finished ${call.id}`);
      finished.push(call);
    },
  });
  let n = 0;
  const event = (e: CallEvent): CallEventNotice => ({
    eventId: `e${++n}`,
    event: e,
    source: 'command',
    receivedAt: new Date(clock).toISOString(),
  });
  return {
    controller,
    log,
    answers,
    finished,
    event,
    advance: (sec: number) => {
      timeSec += sec;
      clock += sec * 1000;
    },
  };
}

describe('the call in progress', () => {
  it.each(['button', 'hotkey'] as const)(
    'a %s start brings the coach forward before the audio opens, and the call is live',
    async (trigger) => {
      const { controller, log } = setup();
      expect(await controller.start(trigger)).toBe(true);
      expect(log).toEqual([`starting ${trigger}`, 'coach start 0']);
      expect(controller.getState()).toMatchObject({ live: true, held: false, priorities: [] });
      // A second start while live does nothing.
      expect(await controller.start('hotkey')).toBe(true);
      expect(log).toHaveLength(2);
    },
  );

  it('hands the finished call over with its start, end, marks and priorities', async () => {
    const { controller, finished, advance } = setup();
    await controller.start('button');
    advance(12.34);
    controller.mark();
    const refund = { id: 'p1', text: 'Refund', kind: 'administrative', confirmed: true } as const;
    controller.setPriorities([refund]);
    advance(30);
    await controller.end();
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({
      id: 'call-1',
      startedAt: '2026-12-06T10:00:00.000Z',
      endedAt: '2026-12-06T10:00:42.340Z',
      marks: [12.3],
      priorities: [refund],
    });
    expect(finished[0].phone).toBeUndefined();
    expect(controller.getState().live).toBe(false);
  });

  it('a phone start that cannot open the audio is answered as failed, and no call is live', async () => {
    const { controller, answers, event, log } = setup({ refuseStart: true });
    await controller.phoneEvent(event({ kind: 'start', id: 'sip-1' }));
    expect(log).toEqual(['starting phone', 'coach start 0']);
    expect(answers).toEqual([
      { eventId: 'e1', outcome: 'failed', did: 'The call could not start: see the coach screen.' },
    ]);
    expect(controller.getState().live).toBe(false);
  });

  it('back to back from the phone: the first call ends (its wrap-up opens) before the second starts', async () => {
    const { controller, answers, event, log, finished, advance } = setup();
    await controller.phoneEvent(event({ kind: 'start', id: 'sip-1', from: '5551234' }));
    advance(20);
    await controller.phoneEvent(event({ kind: 'start', id: 'sip-2' }));
    expect(log).toEqual([
      'starting phone',
      'coach start 0',
      'coach end',
      'finished call-1',
      'starting phone',
      'coach start 0',
    ]);
    expect(finished[0].phone?.callId).toBe('sip-1');
    expect(answers.map((a) => a.outcome)).toEqual(['applied', 'applied']);
    expect(controller.getState().live).toBe(true);
  });

  it('hold and resume from the phone reach the coach and show on the call', async () => {
    const { controller, event, log } = setup();
    await controller.phoneEvent(event({ kind: 'start', id: 'sip-1' }));
    await controller.phoneEvent(event({ kind: 'hold', id: 'sip-1' }));
    expect(controller.getState().held).toBe(true);
    await controller.phoneEvent(event({ kind: 'resume', id: 'sip-1' }));
    expect(controller.getState().held).toBe(false);
    expect(log.filter((l) => l.startsWith('held'))).toEqual(['held true', 'held false']);
  });

  it('auto-starts on the caller’s voice only when enabled, and never once the phone software speaks', async () => {
    const off = setup();
    off.controller.callerSpoke();
    expect(off.log).toEqual([]);

    const on = setup({ settings: { autoStartOnCallerSpeech: true } });
    on.controller.callerSpoke();
    await Promise.resolve();
    expect(on.log).toEqual(['starting caller-voice', `coach start ${AUTO_START_PRE_ROLL_SEC}`]);
    await on.controller.end();
    await on.controller.phoneEvent(on.event({ kind: 'mark' }));
    on.controller.callerSpoke();
    expect(on.log.filter((l) => l.startsWith('starting'))).toHaveLength(1);
  });
});
