import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  ESCALATION_VALUES,
  FOLLOW_UP_CHANNEL_VALUES,
  RESOLUTION_VALUES,
  type Session,
  type WrapUp,
} from '../../../preload/contract/session-schema';
import { hostApi } from '../api/host-api';
import { describeHostFailure } from '../api/host-failure-text';
import { channelName, escalationName, resolutionText } from './session-format';

interface Props {
  session: Session;
  /** Who is correcting it (Settings → your name). */
  editor: string;
  onSaved(session: Session): void;
  onCancel(): void;
}

/**
 * Correcting a saved wrap-up: the fields a call is counted and followed up by (resolution, escalation,
 * follow-up, case reference, notes). Saving keeps a line in the session's history: who, what, when.
 */
export function SessionWrapUpEditor({ session, editor, onSaved, onCancel }: Props) {
  const [w, setW] = useState<WrapUp>(session.wrapUp);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const intl = useIntl();

  async function save() {
    setSaving(true);
    const r = await hostApi.editSession({ id: session.id, wrapUp: w, by: editor });
    setSaving(false);
    if (r.ok) onSaved(r.value);
    else
      setProblem(
        intl.formatMessage({ id: 'log.edit.not-saved' }, { error: describeHostFailure(r, intl) }),
      );
  }

  return (
    <form
      className="wrap-up-editor filter-grid"
      data-testid="session-editor"
      aria-label={intl.formatMessage({ id: 'log.detail.correct' })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <FormattedMessage id="log.resolution" />
        <select
          value={w.resolution ?? ''}
          onChange={(e) =>
            setW({ ...w, resolution: (e.target.value || null) as WrapUp['resolution'] })
          }
          data-testid="edit-resolution"
        >
          <option value="">{resolutionText(null, intl)}</option>
          {RESOLUTION_VALUES.map((r) => (
            <option key={r} value={r}>
              {resolutionText(r, intl)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <FormattedMessage id="log.escalation" />
        <select
          value={w.escalation.kind}
          onChange={(e) =>
            setW({
              ...w,
              escalation: {
                ...w.escalation,
                kind: e.target.value as WrapUp['escalation']['kind'],
              },
            })
          }
          data-testid="edit-escalation"
        >
          {ESCALATION_VALUES.map((k) => (
            <option key={k} value={k}>
              {escalationName(k, intl)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <FormattedMessage id="log.edit.reason" />
        <input
          value={w.escalation.reason}
          maxLength={5000}
          onChange={(e) => setW({ ...w, escalation: { ...w.escalation, reason: e.target.value } })}
        />
      </label>
      <label>
        <FormattedMessage id="log.edit.follow-up-date" />
        <input
          type="date"
          value={w.followUp.date ?? ''}
          onChange={(e) =>
            setW({ ...w, followUp: { ...w.followUp, date: e.target.value || null } })
          }
          data-testid="edit-follow-up-date"
        />
      </label>
      <label>
        <FormattedMessage id="log.edit.follow-up-channel" />
        <select
          value={w.followUp.channel}
          onChange={(e) =>
            setW({
              ...w,
              followUp: {
                ...w.followUp,
                channel: e.target.value as WrapUp['followUp']['channel'],
              },
            })
          }
        >
          {FOLLOW_UP_CHANNEL_VALUES.map((c) => (
            <option key={c} value={c}>
              {channelName(c, intl)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <FormattedMessage id="log.edit.case-reference" />
        <input
          value={w.caseReference}
          maxLength={200}
          onChange={(e) => setW({ ...w, caseReference: e.target.value })}
          data-testid="edit-case-reference"
        />
      </label>
      <label className="wide">
        <FormattedMessage id="log.edit.notes" />
        <textarea
          value={w.notes}
          rows={3}
          onChange={(e) => setW({ ...w, notes: e.target.value })}
          data-testid="edit-notes"
        />
      </label>
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving} data-testid="edit-save">
          <FormattedMessage id="log.edit.save" />
        </button>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="log.edit.cancel" />
        </button>
      </div>
    </form>
  );
}
