/**
 * A saved session's corrections in words: "Dec 6, 2026, 13:40 — Sam: resolution Partly resolved →
 * Resolved", in the language of `intl` (English without one), with the wrap-up's own value names.
 */
import type { IntlShape } from 'react-intl';
import type { WrapUpEdit } from '../../../preload/contract/session-schema';
import type { MessageKey } from '../i18n/catalogue';
import { ENGLISH_INTL } from '../i18n/english-intl';
import { VALUE_WORDS, formatWhen } from './session-format';

type Words = Pick<IntlShape, 'formatMessage' | 'formatDate'>;

const FIELD_NAMES: Readonly<Record<string, MessageKey>> = {
  resolution: 'log.history.field.resolution',
  'escalation.kind': 'log.history.field.escalation',
  'escalation.reason': 'log.history.field.escalation-reason',
  'followUp.date': 'log.history.field.follow-up-date',
  'followUp.channel': 'log.history.field.follow-up-channel',
  'followUp.doneAt': 'log.history.field.follow-up-done',
  caseReference: 'log.history.field.case-reference',
  notes: 'log.history.field.notes',
  emotionalCatalyst: 'log.history.field.catalyst',
  ownershipTaken: 'log.history.field.ownership',
  apologyGiven: 'log.history.field.apology',
  priorities: 'log.history.field.priorities',
  nextSteps: 'log.history.field.next-steps',
  'goodwill.kind': 'log.history.field.goodwill',
  'goodwill.value': 'log.history.field.goodwill-value',
  'goodwill.note': 'log.history.field.goodwill-note',
  'rootCause.category': 'log.history.field.root-cause',
  'rootCause.note': 'log.history.field.root-cause-note',
  'rootCause.mayAffectOthers': 'log.history.field.may-affect-others',
};

const LABELS: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  resolution: VALUE_WORDS.resolution,
  'escalation.kind': VALUE_WORDS.escalation,
  'followUp.channel': VALUE_WORDS.channel,
  'goodwill.kind': VALUE_WORDS.goodwill,
  'rootCause.category': VALUE_WORDS.rootCause,
};

const SHORT = 60;
function valueText(field: string, value: string, intl: Words): string {
  if (value === '') return intl.formatMessage({ id: 'log.history.none' });
  const label = Object.hasOwn(LABELS, field) ? LABELS[field][value] : undefined;
  if (label) return intl.formatMessage({ id: label });
  if (value === 'true') return intl.formatMessage({ id: 'log.history.yes' });
  if (value === 'false') return intl.formatMessage({ id: 'log.history.no' });
  const text = value.length > SHORT ? `${value.slice(0, SHORT - 1)}…` : value;
  return intl.formatMessage({ id: 'log.history.quoted' }, { text });
}

export function changeText(
  change: WrapUpEdit['changes'][number],
  intl: Words = ENGLISH_INTL,
): string {
  const name = Object.hasOwn(FIELD_NAMES, change.field)
    ? intl.formatMessage({ id: FIELD_NAMES[change.field] })
    : change.field;
  return intl.formatMessage(
    { id: 'log.history.change' },
    {
      field: name,
      before: valueText(change.field, change.before, intl),
      after: valueText(change.field, change.after, intl),
    },
  );
}

export function editText(edit: WrapUpEdit, intl: Words = ENGLISH_INTL): string {
  return intl.formatMessage(
    { id: 'log.history.edit' },
    {
      when: formatWhen(edit.at, intl),
      by: edit.by || intl.formatMessage({ id: 'log.history.someone' }),
      changes: edit.changes.map((change) => changeText(change, intl)).join('; '),
    },
  );
}
