import { useCallback, useEffect, useState } from 'react';
import { hostApi, type Settings, type SettingsPatch } from '../api/host-api';
import type { CallEventSetup } from '../../../preload/contract/call-event-contract';
import { callEventUrl } from '../../../preload/domain/call-event-args';
import {
  DEFAULT_CALLER_NUMBER_POLICY,
  type CallerNumberPolicy,
} from '../../../preload/domain/caller-number';
import { useHostEvent } from '../api/use-host-event';
import { eventOutcomeText, testMarkText } from './phone-software-words';
import './phone-software.css';

interface Props {
  settings: Settings;
  onUpdate(patch: SettingsPatch): Promise<string | null>;
}

const POLICY_LABELS: Record<CallerNumberPolicy, string> = {
  none: 'Not kept (default)',
  last4: 'Last 4 digits',
  all: 'The whole number',
};

/**
 * Settings → Phone software: the command line to paste into the softphone's hooks on this machine (no
 * quoting needed unless a path has a space), the ready hook script (Twinkle's too), the calm-line:// form,
 * a test mark sent through the same way in, the last events — refused and failed ones with the reason,
 * dropped fields noted — and what a session keeps of the caller's number.
 */
export function PhoneSoftwarePanel({ settings, onUpdate }: Props) {
  const [setup, setSetup] = useState<CallEventSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [testResult, setTestResult] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const r = await hostApi.getCallEventSetup();
    if (r.ok) setSetup(r.value);
    else setError(r.message);
  }, []);
  useEffect(() => void refresh(), [refresh]);
  // Each event (or refused request) updates the list once its outcome is known.
  useHostEvent('call-event-outcome', () => void refresh());

  const sendTestMark = async () => {
    setTestResult('Sending…');
    const r = await hostApi.testCallEvent({ kind: 'mark' });
    setTestResult(testMarkText(r));
    void refresh();
  };

  const policy = settings.recording.callerNumber ?? DEFAULT_CALLER_NUMBER_POLICY;
  const command = setup?.command;
  return (
    <section className="panel" aria-labelledby="phone-software-title" data-testid="phone-software">
      <h3 id="phone-software-title">Phone software</h3>
      <p className="muted">
        Let the softphone start and end calls, put them on hold and pass the case reference: paste
        this line into its “call answered”, “call ended” and hold hooks, followed by the event
        (start, end, hold, resume or mark) and its values. It needs no shell and no quotes.
      </p>
      {command ? (
        <pre className="command-line" data-testid="phone-command">
          {`${command} start --id CALL_ID --ref CASE_REF`}
        </pre>
      ) : (
        <p className="notice" role="status">
          {error ?? setup?.problem ?? 'Loading…'}
        </p>
      )}
      {command && setup?.commandNeedsShell && (
        <p className="notice info" data-testid="phone-command-needs-shell">
          A path in this line has a space, so it works only where a shell runs it. Softphones that
          start it directly split it there: use the hook script below, with CALM_LINE_DATA_DIR set
          for the softphone if you moved the data folder.
        </p>
      )}
      {setup?.hookScript && (
        <>
          <p className="muted">
            Ready hook script (give it the event and values the same way). Twinkle cannot add
            values: give each of its scripts (call answered, local and remote release) this path
            alone; it reads Twinkle’s call id and caller itself.
          </p>
          <pre className="command-line" data-testid="phone-hook-script">
            {setup.hookScript}
          </pre>
        </>
      )}
      <p className="muted">Software that opens links can use:</p>
      <pre className="command-line" data-testid="phone-url">
        {callEventUrl({ kind: 'start', id: 'CALL_ID', ref: 'CASE_REF' })}
      </pre>
      <div className="actions">
        <button type="button" onClick={() => void sendTestMark()} data-testid="phone-test-mark">
          Send test mark
        </button>
        {testResult && (
          <span role="status" data-testid="phone-test-result">
            {testResult}
          </span>
        )}
      </div>
      <label className="form-grid">
        <span>Caller’s number in saved calls</span>
        <select
          value={policy}
          data-testid="phone-caller-number"
          onChange={(e) =>
            void onUpdate({ recording: { callerNumber: e.target.value as CallerNumberPolicy } })
          }
        >
          {(Object.keys(POLICY_LABELS) as CallerNumberPolicy[]).map((p) => (
            <option key={p} value={p}>
              {POLICY_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        By default the caller’s number is not stored, even when the softphone sends it.
      </p>
      <h4>Last events received</h4>
      {setup && setup.recent.length > 0 ? (
        <ol className="phone-events" data-testid="phone-events">
          {setup.recent.map((r, i) => (
            <li key={`${r.receivedAt}-${i}`} data-outcome={r.outcome}>
              <time dateTime={r.receivedAt}>{new Date(r.receivedAt).toLocaleTimeString()}</time>{' '}
              {r.event ? <code>{r.event.kind}</code> : 'A request'}
              {r.event?.ref ? ` ref ${r.event.ref}` : ''} — {eventOutcomeText(r)}
              {r.dropped?.map((note) => (
                <span key={note} className="phone-event-dropped" data-testid="phone-event-dropped">
                  {' '}
                  {note}
                </span>
              ))}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted" data-testid="phone-events-empty">
          None yet.
        </p>
      )}
    </section>
  );
}
