import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AppInfo, AudioSettings, Settings, SettingsPatch } from '../api/host-api';
import { describeHostFailure, type HostFailure } from '../api/host-failure-text';
import {
  CUE_SETTING_LIMITS,
  DEFAULT_CUE_SETTINGS,
  type CueSettings,
} from '../../engine/cue-settings';
import { useAudioInputs } from './use-audio-inputs';
import { DesktopSettings } from '../desktop/DesktopSettings';
import { RecordingSettings } from '../recording/RecordingSettings';
import type { MessageKey } from '../i18n/catalogue';
import { LanguageSelect } from '../i18n/LanguageSelect';

interface Props {
  settings: Settings;
  appInfo: AppInfo | null;
  onUpdate(patch: SettingsPatch): Promise<HostFailure | null>;
  onReset(): Promise<HostFailure | null>;
}

const CUE_FIELDS: { key: keyof CueSettings; label: MessageKey; unit: 's' | 'LU'; step: number }[] =
  [
    { key: 'pauseSec', label: 'settings.cue.pauseSec', unit: 's', step: 0.1 },
    { key: 'backchannelSec', label: 'settings.cue.backchannelSec', unit: 's', step: 0.05 },
    { key: 'tooLoudMarginLu', label: 'settings.cue.tooLoudMarginLu', unit: 'LU', step: 1 },
    { key: 'heatedMarginLu', label: 'settings.cue.heatedMarginLu', unit: 'LU', step: 1 },
    { key: 'minHoldSec', label: 'settings.cue.minHoldSec', unit: 's', step: 0.1 },
    { key: 'hysteresisLu', label: 'settings.cue.hysteresisLu', unit: 'LU', step: 0.5 },
  ];

export function SettingsView({ settings, appInfo, onUpdate, onReset }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const inputs = useAudioInputs();
  const features = appInfo?.features;
  const intl = useIntl();

  async function apply(patch: SettingsPatch) {
    const error = await onUpdate(patch);
    setMessage(
      error
        ? intl.formatMessage(
            { id: 'settings.not-saved' },
            { error: describeHostFailure(error, intl) },
          )
        : intl.formatMessage({ id: 'settings.saved' }),
    );
  }
  const audio = (patch: Partial<AudioSettings>) => void apply({ audio: patch });

  const deviceSelect = (
    label: MessageKey,
    value: string | null,
    onChange: (id: string | null) => void,
  ) => (
    <label className="form-grid">
      <span>
        <FormattedMessage id={label} />
      </span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{intl.formatMessage({ id: 'settings.device.default' })}</option>
        {inputs.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || intl.formatMessage({ id: 'settings.device.unnamed' }, { number: i + 1 })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <main>
      {message && (
        <p className="notice info" role="status" data-testid="settings-message">
          {message}
        </p>
      )}
      <section className="panel" aria-labelledby="language-title">
        <h3 id="language-title">
          <FormattedMessage id="settings.language.title" />
        </h3>
        <LanguageSelect
          value={settings.ui.language ?? 'system'}
          systemLanguages={appInfo?.systemLanguages}
          onChange={(language) => void apply({ ui: { language } })}
        />
      </section>

      <section className="panel" aria-labelledby="audio-title">
        <h3 id="audio-title">
          <FormattedMessage id="settings.audio.title" />
        </h3>
        <label className="form-grid">
          <span>
            <FormattedMessage id="settings.audio.mode" />
          </span>
          <select
            value={settings.audio.mode}
            onChange={(e) => audio({ mode: e.target.value as AudioSettings['mode'] })}
            data-testid="audio-mode"
          >
            <option value="stereo-split">
              {intl.formatMessage({ id: 'settings.audio.mode.stereo-split' })}
            </option>
            <option value="two-devices">
              {intl.formatMessage({ id: 'settings.audio.mode.two-devices' })}
            </option>
            <option value="system-loopback" disabled={!features?.systemLoopback}>
              {intl.formatMessage({
                id: features?.systemLoopback
                  ? 'settings.audio.mode.system-loopback'
                  : 'settings.audio.mode.system-loopback.unavailable',
              })}
            </option>
          </select>
        </label>
        {settings.audio.mode === 'stereo-split' ? (
          <>
            {deviceSelect('settings.audio.stereo-device', settings.audio.stereoDeviceId, (id) =>
              audio({ stereoDeviceId: id }),
            )}
            <label className="form-grid">
              <span>
                <FormattedMessage id="settings.audio.agent-side" />
              </span>
              <select
                value={settings.audio.agentSide}
                onChange={(e) => audio({ agentSide: e.target.value as 'left' | 'right' })}
              >
                <option value="left">
                  {intl.formatMessage({ id: 'settings.audio.agent-side.left' })}
                </option>
                <option value="right">
                  {intl.formatMessage({ id: 'settings.audio.agent-side.right' })}
                </option>
              </select>
            </label>
          </>
        ) : (
          <>
            {deviceSelect('settings.audio.mic', settings.audio.micDeviceId, (id) =>
              audio({ micDeviceId: id }),
            )}
            {settings.audio.mode === 'two-devices' &&
              deviceSelect('settings.audio.caller-device', settings.audio.callerDeviceId, (id) =>
                audio({ callerDeviceId: id }),
              )}
          </>
        )}
        {!features?.systemLoopback && (
          <p className="muted">
            <FormattedMessage id="settings.audio.no-loopback" />
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="cue-title">
        <h3 id="cue-title">
          <FormattedMessage id="settings.cue.title" />
        </h3>
        <div className="form-grid">
          {CUE_FIELDS.map(({ key, label, unit, step }) => (
            <label key={key} style={{ display: 'contents' }}>
              <span>
                <FormattedMessage id={label} />{' '}
                <small className="muted">
                  <FormattedMessage
                    id={unit === 's' ? 'settings.cue.default-seconds' : 'settings.cue.default-lu'}
                    values={{ value: DEFAULT_CUE_SETTINGS[key] }}
                  />
                </small>
              </span>
              <input
                type="number"
                data-testid={`cue-${key}`}
                min={CUE_SETTING_LIMITS[key].min}
                max={CUE_SETTING_LIMITS[key].max}
                step={step}
                defaultValue={settings.cue[key]}
                key={`${key}-${settings.cue[key]}`}
                onBlur={(e) => {
                  const value = e.currentTarget.valueAsNumber;
                  if (value !== settings.cue[key]) void apply({ cue: { [key]: value } });
                }}
              />
            </label>
          ))}
        </div>
        <label style={{ display: 'flex', gap: 6, marginTop: 8 }}>
          <input
            type="checkbox"
            checked={settings.autoStartOnCallerSpeech}
            onChange={(e) => void apply({ autoStartOnCallerSpeech: e.target.checked })}
          />
          <FormattedMessage id="settings.auto-start" />
        </label>
      </section>

      <section className="panel" aria-labelledby="recording-title">
        <h3 id="recording-title">
          <FormattedMessage id="settings.recording.title" />
        </h3>
        <RecordingSettings settings={settings} apply={apply} />
      </section>

      <section className="panel" aria-labelledby="desktop-title">
        <h3 id="desktop-title">
          <FormattedMessage id="settings.desktop.title" />
        </h3>
        <DesktopSettings settings={settings} appInfo={appInfo} apply={apply} say={setMessage} />
      </section>

      <div className="actions">
        <button
          onClick={() =>
            void onReset().then((error) =>
              setMessage(
                error
                  ? intl.formatMessage(
                      { id: 'settings.not-reset' },
                      { error: describeHostFailure(error, intl) },
                    )
                  : intl.formatMessage({ id: 'settings.reset-done' }),
              ),
            )
          }
          data-testid="reset-settings"
        >
          <FormattedMessage id="settings.reset" />
        </button>
      </div>
    </main>
  );
}
