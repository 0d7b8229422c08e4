/** A saved session's corrections in words: "6 Dec 2026, 13:40 — Sam: resolution Partly resolved → Resolved". */
import type { WrapUpEdit } from '../../../preload/contract/session-schema';
import {
  ESCALATION_LABELS,
  FOLLOW_UP_CHANNEL_LABELS,
  GOODWILL_LABELS,
  RESOLUTION_LABELS,
  ROOT_CAUSE_LABELS,
} from '../wrap-up/wrap-up-steps';
import { formatWhen } from './session-format';

const FIELD_NAMES: Record<string, string> = {
  resolution: 'resolution',
  'escalation.kind': 'escalation',
  'escalation.reason': 'escalation reason',
  'followUp.date': 'follow-up date',
  'followUp.channel': 'follow-up channel',
  'followUp.doneAt': 'follow-up done',
  caseReference: 'case reference',
  notes: 'notes',
  emotionalCatalyst: 'what is at stake',
  ownershipTaken: 'ownership taken',
  apologyGiven: 'apology given',
  priorities: 'priorities',
  nextSteps: 'next steps',
  'goodwill.kind': 'goodwill',
  'goodwill.value': 'goodwill value',
  'goodwill.note': 'goodwill note',
  'rootCause.category': 'root cause',
  'rootCause.note': 'root cause note',
  'rootCause.mayAffectOthers': 'may affect others',
};

const LABELS: Record<string, Record<string, string>> = {
  resolution: RESOLUTION_LABELS,
  'escalation.kind': ESCALATION_LABELS,
  'followUp.channel': FOLLOW_UP_CHANNEL_LABELS,
  'goodwill.kind': GOODWILL_LABELS,
  'rootCause.category': ROOT_CAUSE_LABELS,
};

const SHORT = 60;
function valueText(field: string, value: string): string {
  if (value === '') return '(none)';
  const label = LABELS[field]?.[value];
  if (label) return label;
  if (value === 'true') return 'yes';
  if (value === 'false') return 'no';
  return value.length > SHORT ? `“${value.slice(0, SHORT - 1)}…”` : `“${value}”`;
}

export function changeText(change: WrapUpEdit['changes'][number]): string {
  const name = FIELD_NAMES[change.field] ?? change.field;
  return `${name} ${valueText(change.field, change.before)} → ${valueText(change.field, change.after)}`;
}

export function editText(edit: WrapUpEdit): string {
  return `${formatWhen(edit.at)} — ${edit.by || 'someone unnamed'}: ${edit.changes.map(changeText).join('; ')}`;
}
