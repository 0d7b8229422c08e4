import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { hostApi, type Settings, type SettingsPatch } from '../api/host-api';
import type { HostFailure } from '../api/host-failure-text';
import type { CallEventSetup } from '../../../preload/contract/call-event-contract';
import { callEventUrl } from '../../../preload/domain/call-event-args';
import {
  DEFAULT_CALLER_NUMBER_POLICY,
  type CallerNumberPolicy,
} from '../../../preload/domain/caller-number';
import { useHostEvent } from '../api/use-host-event';
import { eventOutcomeText, setupProblemText, testMarkText } from './phone-software-words';
import type { MessageKey } from '../i18n/catalogue';
import './phone-software.css';

interface Props {
  settings: Settings;
  onUpdate(patch: SettingsPatch): Promise<HostFailure | null>;
}

const POLICY_MESSAGES: Readonly<Record<CallerNumberPolicy, MessageKey>> = {
  none: 'settings.phone.caller-number.none',
  last4: 'settings.phone.caller-number.last4',
  all: 'settings.phone.caller-number.all',
};

/** The line to paste, for a call start: the command's own words and placeholders, the same in every
 * language (like the calm-line:// form below it). */
const exampleLine = (command: string) => `${command} start --id CALL_ID --ref CASE_REF`;

/**
 * Settings → Phone software: the command line to paste into the softphone's hooks on this machine (no
 * quoting needed unless a path has a space), the ready hook script (Twinkle's too), the calm-line:// form,
 * a test mark sent through the same way in, the last events — refused and failed ones with the reason,
 * dropped fields noted — and what a session keeps of the caller's number.
 */
export function PhoneSoftwarePanel({ settings, onUpdate }: Props) {
  const [setup, setSetup] = useState<CallEventSetup | null>(null);
  const [error, setError] = useState<HostFailure | null>(null);
  const intl = useIntl();
  // The test mark's answer, worded when shown (a change of language rewords it).
  const [testResult, setTestResult] = useState<
    { sending: true } | { sending: false; result: Parameters<typeof testMarkText>[0] } | null
  >(null);

  const refresh = useCallback(async () => {
    const r = await hostApi.getCallEventSetup();
    if (r.ok) setSetup(r.value);
    else setError(r);
  }, []);
  useEffect(() => void refresh(), [refresh]);
  // Each event (or refused request) updates the list once its outcome is known.
  useHostEvent('call-event-outcome', () => void refresh());

  const sendTestMark = async () => {
    setTestResult({ sending: true });
    const result = await hostApi.testCallEvent({ kind: 'mark' });
    setTestResult({ sending: false, result });
    void refresh();
  };

  const policy = settings.recording.callerNumber ?? DEFAULT_CALLER_NUMBER_POLICY;
  const command = setup?.command;
  return (
    <section className="panel" aria-labelledby="phone-software-title" data-testid="phone-software">
      <h3 id="phone-software-title">
        <FormattedMessage id="settings.phone.title" />
      </h3>
      <p className="muted">
        <FormattedMessage id="settings.phone.intro" />
      </p>
      {command ? (
        <pre className="command-line" data-testid="phone-command">
          {exampleLine(command)}
        </pre>
      ) : (
        <p className="notice" role="status">
          {setupProblemText(setup, error, intl) ??
            intl.formatMessage({ id: 'settings.phone.loading' })}
        </p>
      )}
      {command && setup?.commandNeedsShell && (
        <p className="notice info" data-testid="phone-command-needs-shell">
          <FormattedMessage id="settings.phone.needs-shell" />
        </p>
      )}
      {setup?.hookScript && (
        <>
          <p className="muted">
            <FormattedMessage id="settings.phone.hook-script" />
          </p>
          <pre className="command-line" data-testid="phone-hook-script">
            {setup.hookScript}
          </pre>
        </>
      )}
      <p className="muted">
        <FormattedMessage id="settings.phone.url" />
      </p>
      <pre className="command-line" data-testid="phone-url">
        {callEventUrl({ kind: 'start', id: 'CALL_ID', ref: 'CASE_REF' })}
      </pre>
      <div className="actions">
        <button type="button" onClick={() => void sendTestMark()} data-testid="phone-test-mark">
          <FormattedMessage id="settings.phone.test-mark" />
        </button>
        {testResult && (
          <span role="status" data-testid="phone-test-result">
            {testResult.sending
              ? intl.formatMessage({ id: 'settings.phone.sending' })
              : testMarkText(testResult.result, intl)}
          </span>
        )}
      </div>
      <label className="form-grid">
        <span>
          <FormattedMessage id="settings.phone.caller-number" />
        </span>
        <select
          value={policy}
          data-testid="phone-caller-number"
          onChange={(e) =>
            void onUpdate({ recording: { callerNumber: e.target.value as CallerNumberPolicy } })
          }
        >
          {(Object.keys(POLICY_MESSAGES) as CallerNumberPolicy[]).map((p) => (
            <option key={p} value={p}>
              {intl.formatMessage({ id: POLICY_MESSAGES[p] })}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        <FormattedMessage id="settings.phone.caller-number.help" />
      </p>
      <h4>
        <FormattedMessage id="settings.phone.recent" />
      </h4>
      {setup && setup.recent.length > 0 ? (
        <ol className="phone-events" data-testid="phone-events">
          {setup.recent.map((r, i) => (
            <li key={`${r.receivedAt}-${i}`} data-outcome={r.outcome}>
              <time dateTime={r.receivedAt}>
                {intl.formatTime(new Date(r.receivedAt), { timeStyle: 'medium' })}
              </time>{' '}
              {r.event ? (
                <code>{r.event.kind}</code>
              ) : (
                <FormattedMessage id="settings.phone.recent.request" />
              )}
              {r.event?.ref && (
                <>
                  {' '}
                  <FormattedMessage id="settings.phone.recent.ref" values={{ ref: r.event.ref }} />
                </>
              )}{' '}
              — {eventOutcomeText(r, intl)}
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
          <FormattedMessage id="settings.phone.recent.none" />
        </p>
      )}
    </section>
  );
}
