/**
 * The guided wrap-up's steps (the de-escalation playbook's order, WRAP_UP_STEPS in the settings schema):
 * what each is called (keys of the message catalogue), when it counts as answered, and which required ones are still missing.
 */
import {
  ESCALATION_VALUES,
  FOLLOW_UP_CHANNEL_VALUES,
  GOODWILL_VALUES,
  PRIORITY_KIND_VALUES,
  RESOLUTION_VALUES,
  ROOT_CAUSE_VALUES,
  type WrapUp,
} from '../../../preload/contract/session-schema';
import { WRAP_UP_STEPS, type WrapUpStep } from '../../../preload/contract/settings-schema';
import type { MessageKey } from '../i18n/catalogue';

export { WRAP_UP_STEPS };
export type { WrapUpStep };

/** Each step's title (the step's heading, the Settings list, the missing-step message). */
export const STEP_MESSAGES: Readonly<Record<WrapUpStep, MessageKey>> = {
  priorities: 'wrap-up.step.priorities',
  catalyst: 'wrap-up.step.catalyst',
  ownership: 'wrap-up.step.ownership',
  resolution: 'wrap-up.step.resolution',
  'next-steps': 'wrap-up.step.next-steps',
  escalation: 'wrap-up.step.escalation',
  goodwill: 'wrap-up.step.goodwill',
  'root-cause': 'wrap-up.step.root-cause',
  'follow-up': 'wrap-up.step.follow-up',
  reference: 'wrap-up.step.reference',
};

/** Short names for the step list (the step's heading has the full title). */
export const STEP_NAV_MESSAGES: Readonly<Record<WrapUpStep, MessageKey>> = {
  priorities: 'wrap-up.nav.priorities',
  catalyst: 'wrap-up.nav.catalyst',
  ownership: 'wrap-up.nav.ownership',
  resolution: 'wrap-up.nav.resolution',
  'next-steps': 'wrap-up.nav.next-steps',
  escalation: 'wrap-up.nav.escalation',
  goodwill: 'wrap-up.nav.goodwill',
  'root-cause': 'wrap-up.nav.root-cause',
  'follow-up': 'wrap-up.nav.follow-up',
  reference: 'wrap-up.nav.reference',
};

/** What a required step needs before the wrap-up can be saved (shown when it is missing). */
export const STEP_REQUIREMENT_MESSAGES: Readonly<Record<WrapUpStep, MessageKey>> = {
  priorities: 'wrap-up.requirement.priorities',
  catalyst: 'wrap-up.requirement.catalyst',
  ownership: 'wrap-up.requirement.ownership',
  resolution: 'wrap-up.requirement.resolution',
  'next-steps': 'wrap-up.requirement.next-steps',
  escalation: 'wrap-up.requirement.escalation',
  goodwill: 'wrap-up.requirement.goodwill',
  'root-cause': 'wrap-up.requirement.root-cause',
  'follow-up': 'wrap-up.requirement.follow-up',
  reference: 'wrap-up.requirement.reference',
};

/** The words for each stored value of the wrap-up's choices (the stored value stays the English id). */
type ValueMessages<T extends string> = Readonly<Record<T, MessageKey>>;
export const PRIORITY_KIND_MESSAGES: ValueMessages<(typeof PRIORITY_KIND_VALUES)[number]> = {
  technical: 'wrap-up.value.priority-kind.technical',
  administrative: 'wrap-up.value.priority-kind.administrative',
  emotional: 'wrap-up.value.priority-kind.emotional',
};
/** A priority's kind within a sentence ("administrative · confirmed"): the coach's lower-case words. */
export const PRIORITY_KIND_WORD_MESSAGES: ValueMessages<(typeof PRIORITY_KIND_VALUES)[number]> = {
  technical: 'coach.priorities.kind.technical',
  administrative: 'coach.priorities.kind.administrative',
  emotional: 'coach.priorities.kind.emotional',
};
export const RESOLUTION_MESSAGES: ValueMessages<(typeof RESOLUTION_VALUES)[number]> = {
  resolved: 'wrap-up.value.resolution.resolved',
  partly: 'wrap-up.value.resolution.partly',
  pending: 'wrap-up.value.resolution.pending',
  escalated: 'wrap-up.value.resolution.escalated',
};
export const ESCALATION_MESSAGES: ValueMessages<(typeof ESCALATION_VALUES)[number]> = {
  none: 'wrap-up.value.escalation.none',
  'manager-requested': 'wrap-up.value.escalation.manager-requested',
  'handed-off': 'wrap-up.value.escalation.handed-off',
  'abusive-conduct': 'wrap-up.value.escalation.abusive-conduct',
};
export const GOODWILL_MESSAGES: ValueMessages<(typeof GOODWILL_VALUES)[number]> = {
  none: 'wrap-up.value.goodwill.none',
  discount: 'wrap-up.value.goodwill.discount',
  refund: 'wrap-up.value.goodwill.refund',
  credit: 'wrap-up.value.goodwill.credit',
  gift: 'wrap-up.value.goodwill.gift',
  other: 'wrap-up.value.goodwill.other',
};
export const ROOT_CAUSE_MESSAGES: ValueMessages<(typeof ROOT_CAUSE_VALUES)[number]> = {
  billing: 'wrap-up.value.root-cause.billing',
  'technical-fault': 'wrap-up.value.root-cause.technical-fault',
  delivery: 'wrap-up.value.root-cause.delivery',
  process: 'wrap-up.value.root-cause.process',
  communication: 'wrap-up.value.root-cause.communication',
  policy: 'wrap-up.value.root-cause.policy',
  other: 'wrap-up.value.root-cause.other',
};
export const FOLLOW_UP_CHANNEL_MESSAGES: ValueMessages<(typeof FOLLOW_UP_CHANNEL_VALUES)[number]> =
  {
    call: 'wrap-up.value.follow-up-channel.call',
    email: 'wrap-up.value.follow-up-channel.email',
    letter: 'wrap-up.value.follow-up-channel.letter',
  };

/** Whether the step holds an answer that a team requiring it would accept. */
export function isStepComplete(step: WrapUpStep, w: WrapUp): boolean {
  switch (step) {
    case 'priorities':
      return w.priorities.some((p) => p.text.trim() !== '');
    case 'catalyst':
      return w.emotionalCatalyst.trim() !== '';
    case 'ownership':
      return w.ownershipTaken;
    case 'resolution':
      return w.resolution !== null;
    case 'next-steps':
      return w.nextSteps.some((s) => s.what.trim() !== '');
    case 'escalation':
      return w.escalation.kind === 'none' || w.escalation.reason.trim() !== '';
    case 'goodwill':
      return (
        w.goodwill.kind === 'none' || w.goodwill.value !== null || w.goodwill.note.trim() !== ''
      );
    case 'root-cause':
      return w.rootCause.category !== null;
    case 'follow-up':
      return w.followUp.date !== null;
    case 'reference':
      return w.caseReference.trim() !== '';
  }
}

/** Required steps not yet answered, in step order. */
export function missingRequiredSteps(w: WrapUp, required: readonly WrapUpStep[]): WrapUpStep[] {
  return WRAP_UP_STEPS.filter((s) => required.includes(s) && !isStepComplete(s, w));
}

export function stepIndex(step: WrapUpStep): number {
  return WRAP_UP_STEPS.indexOf(step);
}

/** The step after (delta 1) or before (delta -1) `step`, staying within the list. */
export function neighbourStep(step: WrapUpStep, delta: 1 | -1): WrapUpStep {
  const i = Math.min(WRAP_UP_STEPS.length - 1, Math.max(0, stepIndex(step) + delta));
  return WRAP_UP_STEPS[i];
}
