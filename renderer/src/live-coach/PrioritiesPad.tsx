import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PRIORITY_KIND_VALUES } from '../../../preload/contract/session-schema';
import { newId, type Priority, type PriorityKind } from './finished-call';
import type { MessageKey } from '../i18n/catalogue';

/** The words for each kind of priority (the stored value stays the English id). */
const KIND_MESSAGES: Readonly<Record<PriorityKind, MessageKey>> = {
  technical: 'coach.priorities.kind.technical',
  administrative: 'coach.priorities.kind.administrative',
  emotional: 'coach.priorities.kind.emotional',
};

interface Props {
  priorities: Priority[];
  onChange(next: Priority[]): void;
}

/**
 * The scratchpad for restated priorities during the call: type, pick technical / administrative /
 * emotional, Enter adds. Each row toggles "customer confirmed". Keyboard first: the text box keeps focus.
 */
export function PrioritiesPad({ priorities, onChange }: Props) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PriorityKind>('technical');
  const intl = useIntl();
  const kindWord = (k: PriorityKind) => intl.formatMessage({ id: KIND_MESSAGES[k] });

  function add(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onChange([...priorities, { id: newId(), text: trimmed, kind, confirmed: false }]);
    setText('');
  }

  return (
    <section className="panel priorities-pad" aria-labelledby="priorities-title">
      <h3 id="priorities-title" style={{ margin: '0 0 6px' }}>
        <FormattedMessage id="coach.priorities.title" />
      </h3>
      <form onSubmit={add} style={{ display: 'flex', gap: 6 }}>
        <input
          aria-label={intl.formatMessage({ id: 'coach.priorities.text' })}
          placeholder={intl.formatMessage({ id: 'coach.priorities.placeholder' })}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ flex: 1, minWidth: 0 }}
          maxLength={500}
        />
        <select
          aria-label={intl.formatMessage({ id: 'coach.priorities.kind' })}
          value={kind}
          onChange={(e) => setKind(e.target.value as PriorityKind)}
        >
          {PRIORITY_KIND_VALUES.map((k) => (
            <option key={k} value={k}>
              {kindWord(k)}
            </option>
          ))}
        </select>
        <button type="submit">
          <FormattedMessage id="coach.priorities.add" />
        </button>
      </form>
      <ul className="plain" data-testid="priorities">
        {priorities.map((p) => (
          <li key={p.id}>
            <label style={{ display: 'flex', gap: 6, alignItems: 'center', flex: 1 }}>
              <input
                type="checkbox"
                checked={p.confirmed}
                onChange={() =>
                  onChange(
                    priorities.map((q) => (q.id === p.id ? { ...q, confirmed: !q.confirmed } : q)),
                  )
                }
              />
              <span>{p.text}</span>
            </label>
            <small className="muted">
              {p.confirmed
                ? intl.formatMessage(
                    { id: 'coach.priorities.confirmed' },
                    { kind: kindWord(p.kind) },
                  )
                : kindWord(p.kind)}
            </small>
            <button
              type="button"
              aria-label={intl.formatMessage({ id: 'coach.priorities.remove' }, { text: p.text })}
              onClick={() => onChange(priorities.filter((q) => q.id !== p.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
