/**
 * The guided wrap-up's steps (the de-escalation playbook's order, WRAP_UP_STEPS in the settings schema):
 * what each is called, when it counts as answered, and which required ones are still missing.
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

export { WRAP_UP_STEPS };
export type { WrapUpStep };

export const STEP_TITLES: Record<WrapUpStep, string> = {
  priorities: 'Restated priorities',
  catalyst: 'Emotional catalyst',
  ownership: 'Ownership and apology',
  resolution: 'Resolution',
  'next-steps': 'Next steps told to the customer',
  escalation: 'Escalation',
  goodwill: 'Goodwill gesture',
  'root-cause': 'Root cause',
  'follow-up': 'Follow-up',
  reference: 'Case reference and notes',
};

/** Short names for the step list (the step's heading has the full title). */
export const STEP_NAV_NAMES: Record<WrapUpStep, string> = {
  priorities: 'Priorities',
  catalyst: 'Catalyst',
  ownership: 'Ownership',
  resolution: 'Resolution',
  'next-steps': 'Next steps',
  escalation: 'Escalation',
  goodwill: 'Goodwill',
  'root-cause': 'Root cause',
  'follow-up': 'Follow-up',
  reference: 'Reference',
};

/** What a required step needs before the wrap-up can be saved (shown when it is missing). */
export const STEP_REQUIREMENT: Record<WrapUpStep, string> = {
  priorities: 'at least one priority',
  catalyst: 'what is really at stake for the customer',
  ownership: 'ownership taken',
  resolution: 'a resolution',
  'next-steps': 'at least one next step',
  escalation: 'a reason for the escalation',
  goodwill: 'the gesture’s value or a note',
  'root-cause': 'a root cause category',
  'follow-up': 'a follow-up date',
  reference: 'a case reference',
};

type Labels<T extends string> = Record<T, string>;
export const PRIORITY_KIND_LABELS: Labels<(typeof PRIORITY_KIND_VALUES)[number]> = {
  technical: 'Technical',
  administrative: 'Administrative',
  emotional: 'Emotional',
};
export const RESOLUTION_LABELS: Labels<(typeof RESOLUTION_VALUES)[number]> = {
  resolved: 'Resolved',
  partly: 'Partly resolved',
  pending: 'Pending',
  escalated: 'Escalated',
};
export const ESCALATION_LABELS: Labels<(typeof ESCALATION_VALUES)[number]> = {
  none: 'None',
  'manager-requested': 'Manager requested',
  'handed-off': 'Handed to a colleague',
  'abusive-conduct': 'Abusive conduct',
};
export const GOODWILL_LABELS: Labels<(typeof GOODWILL_VALUES)[number]> = {
  none: 'None',
  discount: 'Discount',
  refund: 'Refund',
  credit: 'Credit',
  gift: 'Gift',
  other: 'Other',
};
export const ROOT_CAUSE_LABELS: Labels<(typeof ROOT_CAUSE_VALUES)[number]> = {
  billing: 'Billing',
  'technical-fault': 'Technical fault',
  delivery: 'Delivery',
  process: 'Process',
  communication: 'Communication',
  policy: 'Policy',
  other: 'Other',
};
export const FOLLOW_UP_CHANNEL_LABELS: Labels<(typeof FOLLOW_UP_CHANNEL_VALUES)[number]> = {
  call: 'Call',
  email: 'Email',
  letter: 'Letter',
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
