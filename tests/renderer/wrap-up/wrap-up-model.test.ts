/**
 * The wrap-up's pure model: a call the engine analysed becomes a draft, the editor's actions change it,
 * required steps block saving until answered, and the result is a session the session schema accepts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CallEngine } from '../../../renderer/engine/call-engine';
import type { CallAnalysis } from '../../../renderer/engine/call-types';
import {
  callRecordSchema,
  sessionSchema,
  type CallRecord,
} from '../../../preload/contract/session-schema';
import { DEFAULT_SETTINGS } from '../../../preload/contract/settings-schema';
import { callRecordFromAnalysis } from '../../../renderer/src/wrap-up/call-record';
import {
  afterCallWorkSec,
  draftFromCall,
  sessionFromDraft,
  type WrapUpDraft,
} from '../../../renderer/src/wrap-up/wrap-up-draft';
import { localDayAfter } from '../../../preload/domain/calendar-day';
import {
  isStepTouched,
  wrapUpReducer,
  type WrapUpAction,
} from '../../../renderer/src/wrap-up/wrap-up-reducer';
import { wrapUpDraftSchema } from '../../../preload/contract/session-ipc-schema';
import {
  WRAP_UP_STEPS,
  isStepComplete,
  missingRequiredSteps,
} from '../../../renderer/src/wrap-up/wrap-up-steps';
import { buildDialogue, type Dialogue } from '../../support/dialogues';
import { interruptionCall } from '../../engine/dialogue-scripts';

let dialogue: Dialogue;
let analysis: CallAnalysis;
beforeAll(() => {
  dialogue = buildDialogue(interruptionCall());
  const engine = new CallEngine({ sampleRate: dialogue.sampleRate, recordTimeline: true });
  for (let p = 0; p < dialogue.caller.length; p += 4096)
    engine.process(dialogue.caller, dialogue.agent, p, Math.min(dialogue.caller.length, p + 4096));
  analysis = engine.finish();
});

const ENDED = '2026-03-30T14:05:00.000Z';
function freshDraft(call: CallRecord = callRecordFromAnalysis(analysis, [1.25, 3])): WrapUpDraft {
  return draftFromCall(
    {
      id: '6f1d3c52-8b1e-4c2a-9a43-2f7a0d8e9b10',
      startedAt: '2026-03-30T14:04:30.000Z',
      endedAt: ENDED,
      call,
      priorities: [
        { id: 'p1', text: ' Bill corrected ', kind: 'administrative', confirmed: true },
        { id: 'p2', text: '', kind: 'technical', confirmed: false },
        { id: 'p3', text: 'Being called back', kind: 'emotional', confirmed: false },
      ],
    },
    { agentName: ' Sam ', followUpDays: 30 },
    new Date(ENDED),
  );
}
const apply = (d: WrapUpDraft, ...actions: WrapUpAction[]) => actions.reduce(wrapUpReducer, d);

describe('a call becomes a draft', () => {
  it('keeps what the engine measured, in the ranges the session schema accepts', () => {
    const record = callRecordFromAnalysis(analysis, [1.25, 3]);
    expect(record.durationSec).toBeCloseTo(dialogue.durationSec, 2);
    expect(record.overtalk).toHaveLength(analysis.overtalk.length);
    expect(record.overtalk.length).toBeGreaterThan(0);
    expect(record.cues.map((c) => c.cue)).toEqual(analysis.cues.map((c) => c.cue));
    for (const [i, c] of record.cues.entries())
      expect(Math.abs(c.start - analysis.cues[i].start)).toBeLessThanOrEqual(0.0005);
    expect(record.metrics.cueCounts).toEqual(analysis.metrics.cueCounts);
    expect(record.marks).toEqual([1.25, 3]);
  });

  it('clamps what the schema would refuse instead of losing the call', () => {
    const odd: CallAnalysis = {
      ...analysis,
      durationSec: Number.NaN,
      cues: [{ cue: 'too-loud', start: -0.02, end: 1 }],
      loudness: {
        ...analysis.loudness,
        agent: {
          integratedLufs: -Infinity,
          maxMomentaryLufs: 25,
          maxShortTermLufs: null,
          peakDbfs: -300,
        },
      },
    };
    const record = callRecordFromAnalysis(odd, []);
    expect(record.durationSec).toBe(0);
    expect(record.cues[0].start).toBe(0);
    expect(record.loudness.agent).toEqual({
      integratedLufs: null,
      maxMomentaryLufs: 20,
      maxShortTermLufs: null,
      peakDbfs: -200,
    });
  });

  it('keeps music on hold the engine recognised, not the holds the call events keep', () => {
    const held: CallAnalysis = {
      ...analysis,
      holds: [
        { start: 2, end: 4, source: 'event' },
        { start: 9.1004, end: 39.4, source: 'music' },
      ],
    };
    const record = callRecordFromAnalysis(held, []);
    expect(record.musicHolds).toEqual([{ start: 9.1, end: 39.4 }]);
    expect(callRecordFromAnalysis(analysis, []).musicHolds).toBeUndefined();
    expect(callRecordSchema.safeParse(record).success).toBe(true);
  });

  it('prefills ranked priorities from the scratchpad and the follow-up date from the team setting', () => {
    const d = freshDraft();
    expect(d.step).toBe('priorities');
    expect(d.agent).toBe('Sam');
    expect(d.wrapUp.priorities.map((p) => [p.text, p.kind, p.confirmed, p.rank])).toEqual([
      ['Bill corrected', 'administrative', true, 1],
      ['Being called back', 'emotional', false, 2],
    ]);
    expect(d.wrapUp.followUp.date).toBe(localDayAfter(new Date(ENDED), 30));
  });

  it('counts follow-up days in calendar days, across month ends', () => {
    expect(localDayAfter(new Date(2026, 0, 31, 12), 30)).toBe('2026-03-02');
    expect(localDayAfter(new Date(2026, 1, 28, 23, 59), 1)).toBe('2026-03-01');
  });
});

describe('editing', () => {
  it('walks the steps in playbook order and stops at both ends', () => {
    let d = freshDraft();
    const seen = [d.step];
    for (let i = 0; i < WRAP_UP_STEPS.length + 2; i++) {
      d = wrapUpReducer(d, { type: 'next' });
      if (seen.at(-1) !== d.step) seen.push(d.step);
    }
    expect(seen).toEqual([...WRAP_UP_STEPS]);
    d = apply(d, { type: 'back' }, { type: 'back' });
    expect(d.step).toBe('root-cause');
    expect(
      wrapUpReducer(apply(d, { type: 'goto', step: 'priorities' }), { type: 'back' }).step,
    ).toBe('priorities');
  });

  it('keeps priorities ranked 1…n through add, move and remove', () => {
    const d = apply(
      freshDraft(),
      {
        type: 'add-priority',
        priority: { id: 'p4', text: 'Refund', kind: 'administrative', confirmed: false },
      },
      { type: 'move-priority', id: 'p4', delta: -1 },
      { type: 'move-priority', id: 'p1', delta: -1 },
      { type: 'update-priority', id: 'p3', patch: { confirmed: true, kind: 'technical' } },
      { type: 'remove-priority', id: 'p1' },
    );
    expect(d.wrapUp.priorities.map((p) => [p.id, p.rank, p.kind, p.confirmed])).toEqual([
      ['p4', 1, 'administrative', false],
      ['p3', 2, 'technical', true],
    ]);
  });

  it('leaves the draft untouched by moves past the ends and edits of rows that do not exist', () => {
    const d = freshDraft();
    expect(wrapUpReducer(d, { type: 'move-priority', id: 'p1', delta: -1 })).toBe(d);
    expect(wrapUpReducer(d, { type: 'update-next-step', index: 3, patch: { what: 'x' } })).toBe(d);
  });
});

describe('required steps', () => {
  it('lists the unanswered required steps in order, and each step counts as answered by its own rule', () => {
    let d = freshDraft();
    const required = [...WRAP_UP_STEPS];
    expect(missingRequiredSteps(d.wrapUp, required)).toEqual([
      'catalyst',
      'ownership',
      'resolution',
      'next-steps',
      'root-cause',
      'reference',
    ]);
    expect(missingRequiredSteps(d.wrapUp, DEFAULT_SETTINGS.wrapUp.requiredSteps)).toEqual([
      'resolution',
    ]);
    d = apply(
      d,
      {
        type: 'set',
        patch: {
          emotionalCatalyst: 'Rent is due Friday',
          ownershipTaken: true,
          resolution: 'partly',
          caseReference: 'CASE-1',
        },
      },
      {
        type: 'add-next-step',
        step: { what: 'Corrected bill by email', who: 'Billing', byWhen: '2026-04-03' },
      },
      { type: 'set-root-cause', patch: { category: 'billing' } },
      { type: 'set-escalation', patch: { kind: 'manager-requested' } },
      { type: 'set-goodwill', patch: { kind: 'credit' } },
      { type: 'set-follow-up', patch: { date: null } },
    );
    expect(missingRequiredSteps(d.wrapUp, required)).toEqual([
      'escalation',
      'goodwill',
      'follow-up',
    ]);
    d = apply(
      d,
      { type: 'set-escalation', patch: { reason: 'Asked twice' } },
      { type: 'set-goodwill', patch: { value: 15 } },
      { type: 'set-follow-up', patch: { date: '2026-04-29' } },
    );
    expect(missingRequiredSteps(d.wrapUp, required)).toEqual([]);
    expect(
      isStepComplete(
        'priorities',
        apply(d, { type: 'remove-priority', id: 'p1' }, { type: 'remove-priority', id: 'p3' })
          .wrapUp,
      ),
    ).toBe(false);
  });
});

describe('saving', () => {
  it('produces a session the schema accepts, with blank rows dropped and the after-call work time', () => {
    const d = apply(
      freshDraft(),
      {
        type: 'add-priority',
        priority: { id: 'p9', text: '   ', kind: 'technical', confirmed: false },
      },
      { type: 'add-next-step', step: { what: '', who: '', byWhen: null } },
      { type: 'add-next-step', step: { what: 'Call back', who: 'Me', byWhen: null } },
      { type: 'set-goodwill', patch: { kind: 'none', value: 10 } },
      { type: 'set', patch: { resolution: 'resolved', notes: 'مرحبا 👋\nline two' } },
    );
    const now = new Date(new Date(ENDED).getTime() + 95_400);
    const session = sessionFromDraft(d, { now, hasTimeline: true });
    const parsed = sessionSchema.safeParse(session);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(session.afterCallWorkSec).toBe(95);
    expect(session.wrapUp.priorities.map((p) => p.rank)).toEqual([1, 2]);
    expect(session.wrapUp.nextSteps).toEqual([{ what: 'Call back', who: 'Me', byWhen: null }]);
    expect(session.wrapUp.goodwill).toEqual({ kind: 'none', value: null, note: '' });
    expect(session.wrapUp.notes).toBe('مرحبا 👋\nline two');
    expect(session.id).toBe(d.callId);
  });

  it('never records negative after-call work (a clock set back) nor more than the schema allows', () => {
    expect(afterCallWorkSec(ENDED, new Date(new Date(ENDED).getTime() - 5000))).toBe(0);
    expect(afterCallWorkSec(ENDED, new Date(new Date(ENDED).getTime() + 30 * 86400_000))).toBe(
      7 * 24 * 3600,
    );
  });
});

describe('a step is answered once touched or confirmed, not by its default', () => {
  it('starts with the call’s own priorities answered and every defaulted step not', () => {
    const draft = freshDraft();
    expect(isStepTouched(draft, 'priorities')).toBe(true);
    // Escalation "none" and the prefilled follow-up date are complete, but nobody said so yet.
    expect(isStepComplete('escalation', draft.wrapUp)).toBe(true);
    expect(isStepTouched(draft, 'escalation')).toBe(false);
    expect(isStepTouched(draft, 'follow-up')).toBe(false);
  });

  it('an edit answers the step it is made on; Next confirms the step as it stands; Back and a jump do not', () => {
    const onEscalation = apply(freshDraft(), { type: 'goto', step: 'escalation' });
    expect(isStepTouched(apply(onEscalation, { type: 'back' }), 'escalation')).toBe(false);
    expect(
      isStepTouched(apply(onEscalation, { type: 'goto', step: 'goodwill' }), 'escalation'),
    ).toBe(false);
    const confirmed = apply(onEscalation, { type: 'next' });
    expect(isStepTouched(confirmed, 'escalation')).toBe(true);
    expect(isStepTouched(confirmed, 'goodwill')).toBe(false);
    const edited = apply(confirmed, { type: 'set-goodwill', patch: { kind: 'refund' } });
    expect(isStepTouched(edited, 'goodwill')).toBe(true);
    // What is stored survives the contract's validation (a restored draft keeps it).
    expect(wrapUpDraftSchema.parse(edited).touched).toEqual([
      'priorities',
      'escalation',
      'goodwill',
    ]);
  });
});
