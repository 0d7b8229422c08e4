import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Settings, SettingsPatch } from '../api/host-api';
import { describeHostFailure, type HostFailure } from '../api/host-failure-text';
import { STEP_MESSAGES, WRAP_UP_STEPS, type WrapUpStep } from './wrap-up-steps';
import './wrap-up.css';

interface Props {
  settings: Settings;
  onUpdate(patch: SettingsPatch): Promise<HostFailure | null>;
}

/** The wrap-up's settings: who takes the calls, the default follow-up, and the steps the team requires. */
export function WrapUpSettingsPanel({ settings, onUpdate }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const intl = useIntl();
  const [name, setName] = useState(settings.profile.agentName);
  const [days, setDays] = useState(String(settings.wrapUp.followUpDays));
  useEffect(() => setName(settings.profile.agentName), [settings.profile.agentName]);
  useEffect(() => setDays(String(settings.wrapUp.followUpDays)), [settings.wrapUp.followUpDays]);

  async function apply(patch: SettingsPatch): Promise<HostFailure | null> {
    const error = await onUpdate(patch);
    setMessage(
      error
        ? intl.formatMessage(
            { id: 'settings.not-saved' },
            { error: describeHostFailure(error, intl) },
          )
        : intl.formatMessage({ id: 'settings.saved' }),
    );
    return error;
  }
  // Ticks show at once; the saved settings (or a refusal) follow.
  const [required, setRequired] = useState<readonly WrapUpStep[]>(settings.wrapUp.requiredSteps);
  // …and after each answer the ticks show what the host actually stored.
  const [answers, setAnswers] = useState(0);
  const savedKey = settings.wrapUp.requiredSteps.join(',');
  useEffect(
    () => setRequired(savedKey ? (savedKey.split(',') as WrapUpStep[]) : []),
    [savedKey, answers],
  );
  const toggle = (step: WrapUpStep) => {
    const next = required.includes(step)
      ? required.filter((s) => s !== step)
      : WRAP_UP_STEPS.filter((s) => s === step || required.includes(s));
    setRequired(next);
    void apply({ wrapUp: { requiredSteps: next } }).then(() => setAnswers((n) => n + 1));
  };

  return (
    <section
      className="panel"
      aria-labelledby="wrap-up-settings-title"
      data-testid="wrap-up-settings"
    >
      <h3 id="wrap-up-settings-title">
        <FormattedMessage id="settings.wrap-up.title" />
      </h3>
      <label className="form-grid">
        <span>
          <FormattedMessage id="settings.wrap-up.agent-name" />
        </span>
        <input
          value={name}
          maxLength={200}
          data-testid="settings-agent-name"
          onChange={(e) => setName(e.target.value)}
          onBlur={() =>
            name !== settings.profile.agentName &&
            void apply({ profile: { agentName: name.trim() } })
          }
        />
      </label>
      <label className="form-grid">
        <span>
          <FormattedMessage id="settings.wrap-up.follow-up-days" />
        </span>
        <input
          type="number"
          min={1}
          max={365}
          step={1}
          value={days}
          data-testid="settings-follow-up-days"
          onChange={(e) => setDays(e.target.value)}
          onBlur={() => {
            const n = Number(days);
            if (Number.isInteger(n) && n >= 1 && n <= 365) {
              if (n !== settings.wrapUp.followUpDays) void apply({ wrapUp: { followUpDays: n } });
            } else {
              setDays(String(settings.wrapUp.followUpDays));
              setMessage(intl.formatMessage({ id: 'settings.wrap-up.follow-up-days.invalid' }));
            }
          }}
        />
      </label>
      <fieldset className="wrap-up-required">
        <legend>
          <FormattedMessage id="settings.wrap-up.required" />
        </legend>
        {WRAP_UP_STEPS.map((s) => (
          <label key={s}>
            <input type="checkbox" checked={required.includes(s)} onChange={() => toggle(s)} />{' '}
            <FormattedMessage id={STEP_MESSAGES[s]} />
          </label>
        ))}
      </fieldset>
      {message && (
        <p className="muted" role="status" data-testid="wrap-up-settings-message">
          {message}
        </p>
      )}
    </section>
  );
}
