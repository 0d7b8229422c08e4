/**
 * Every change the wrap-up editor can make to a draft, as a pure reducer (the component dispatches, the
 * tests call it directly). Priorities stay ranked 1…n in list order after every change.
 */
import type { NextStep, Priority, WrapUp } from '../../../preload/contract/session-schema';
import type { WrapUpDraft } from './wrap-up-draft';
import { neighbourStep, type WrapUpStep } from './wrap-up-steps';

type Nested = 'escalation' | 'goodwill' | 'rootCause' | 'followUp';
type Scalar = Exclude<keyof WrapUp, Nested | 'priorities' | 'nextSteps'>;

export type WrapUpAction =
  | { type: 'goto'; step: WrapUpStep }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'set'; patch: Partial<Pick<WrapUp, Scalar>> }
  | { type: 'set-escalation'; patch: Partial<WrapUp['escalation']> }
  | { type: 'set-goodwill'; patch: Partial<WrapUp['goodwill']> }
  | { type: 'set-root-cause'; patch: Partial<WrapUp['rootCause']> }
  | { type: 'set-follow-up'; patch: Partial<WrapUp['followUp']> }
  | { type: 'add-priority'; priority: Omit<Priority, 'rank'> }
  | { type: 'update-priority'; id: string; patch: Partial<Omit<Priority, 'id' | 'rank'>> }
  | { type: 'move-priority'; id: string; delta: -1 | 1 }
  | { type: 'remove-priority'; id: string }
  | { type: 'add-next-step'; step: NextStep }
  | { type: 'update-next-step'; index: number; patch: Partial<NextStep> }
  | { type: 'remove-next-step'; index: number };

function ranked(list: Priority[]): Priority[] {
  return list.map((p, i) => (p.rank === i + 1 ? p : { ...p, rank: i + 1 }));
}

function editWrapUp(w: WrapUp, action: WrapUpAction): WrapUp {
  switch (action.type) {
    case 'set':
      return { ...w, ...action.patch };
    case 'set-escalation':
      return { ...w, escalation: { ...w.escalation, ...action.patch } };
    case 'set-goodwill':
      return { ...w, goodwill: { ...w.goodwill, ...action.patch } };
    case 'set-root-cause':
      return { ...w, rootCause: { ...w.rootCause, ...action.patch } };
    case 'set-follow-up':
      return { ...w, followUp: { ...w.followUp, ...action.patch } };
    case 'add-priority':
      if (w.priorities.some((p) => p.id === action.priority.id)) return w;
      return {
        ...w,
        priorities: ranked([
          ...w.priorities,
          { ...action.priority, rank: w.priorities.length + 1 },
        ]),
      };
    case 'update-priority':
      return {
        ...w,
        priorities: w.priorities.map((p) => (p.id === action.id ? { ...p, ...action.patch } : p)),
      };
    case 'move-priority': {
      const from = w.priorities.findIndex((p) => p.id === action.id);
      const to = from + action.delta;
      if (from < 0 || to < 0 || to >= w.priorities.length) return w;
      const list = [...w.priorities];
      [list[from], list[to]] = [list[to], list[from]];
      return { ...w, priorities: ranked(list) };
    }
    case 'remove-priority':
      return { ...w, priorities: ranked(w.priorities.filter((p) => p.id !== action.id)) };
    case 'add-next-step':
      return { ...w, nextSteps: [...w.nextSteps, action.step] };
    case 'update-next-step':
      if (action.index < 0 || action.index >= w.nextSteps.length) return w;
      return {
        ...w,
        nextSteps: w.nextSteps.map((s, i) => (i === action.index ? { ...s, ...action.patch } : s)),
      };
    case 'remove-next-step':
      return { ...w, nextSteps: w.nextSteps.filter((_, i) => i !== action.index) };
    default:
      return w;
  }
}

/** The draft with `step` among the touched ones (the same object when it already was). */
function touch(draft: WrapUpDraft, step: WrapUpStep): WrapUpDraft {
  const touched = draft.touched ?? [];
  return touched.includes(step) ? draft : { ...draft, touched: [...touched, step] };
}

/** Whether the agent has edited the step or confirmed it with Next: the step list marks only these answered. */
export function isStepTouched(draft: WrapUpDraft, step: WrapUpStep): boolean {
  return draft.touched?.includes(step) ?? false;
}

export function wrapUpReducer(draft: WrapUpDraft, action: WrapUpAction): WrapUpDraft {
  switch (action.type) {
    case 'goto':
      return draft.step === action.step ? draft : { ...draft, step: action.step };
    case 'next':
    case 'back': {
      // Next confirms the step as it stands (its defaults too); Back does not.
      const from = action.type === 'next' ? touch(draft, draft.step) : draft;
      const step = neighbourStep(draft.step, action.type === 'next' ? 1 : -1);
      return step === draft.step ? from : { ...from, step };
    }
    default: {
      const wrapUp = editWrapUp(draft.wrapUp, action);
      // An edit answers the step it was made on.
      return wrapUp === draft.wrapUp ? draft : { ...touch(draft, draft.step), wrapUp };
    }
  }
}
