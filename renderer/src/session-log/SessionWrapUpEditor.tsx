import { useState } from 'react';
import {
  ESCALATION_VALUES,
  FOLLOW_UP_CHANNEL_VALUES,
  RESOLUTION_VALUES,
  type Session,
  type WrapUp,
} from '../../../preload/contract/session-schema';
import { hostApi } from '../api/host-api';
import {
  ESCALATION_LABELS,
  FOLLOW_UP_CHANNEL_LABELS,
  RESOLUTION_LABELS,
} from '../wrap-up/wrap-up-steps';

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

  async function save() {
    setSaving(true);
    const r = await hostApi.editSession({ id: session.id, wrapUp: w, by: editor });
    setSaving(false);
    if (r.ok) onSaved(r.value);
    else setProblem(`Not saved: ${r.message}`);
  }

  return (
    <form
      className="wrap-up-editor filter-grid"
      data-testid="session-editor"
      aria-label="Correct the wrap-up"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Resolution
        <select
          value={w.resolution ?? ''}
          onChange={(e) =>
            setW({ ...w, resolution: (e.target.value || null) as WrapUp['resolution'] })
          }
          data-testid="edit-resolution"
        >
          <option value="">No resolution</option>
          {RESOLUTION_VALUES.map((r) => (
            <option key={r} value={r}>
              {RESOLUTION_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Escalation
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
              {k === 'none' ? 'None' : ESCALATION_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason for the escalation
        <input
          value={w.escalation.reason}
          maxLength={5000}
          onChange={(e) => setW({ ...w, escalation: { ...w.escalation, reason: e.target.value } })}
        />
      </label>
      <label>
        Follow-up date
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
        Follow-up through
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
              {FOLLOW_UP_CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Case reference
        <input
          value={w.caseReference}
          maxLength={200}
          onChange={(e) => setW({ ...w, caseReference: e.target.value })}
          data-testid="edit-case-reference"
        />
      </label>
      <label className="wide">
        Notes
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
          Save the correction
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
