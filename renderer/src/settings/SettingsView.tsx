import { useState } from 'react';
import type { AppInfo, AudioSettings, Settings, SettingsPatch } from '../api/host-api';
import {
  CUE_SETTING_LIMITS,
  DEFAULT_CUE_SETTINGS,
  type CueSettings,
} from '../../engine/cue-settings';
import { useAudioInputs } from './use-audio-inputs';
import { DesktopSettings } from '../desktop/DesktopSettings';
import { RecordingSettings } from '../recording/RecordingSettings';

interface Props {
  settings: Settings;
  appInfo: AppInfo | null;
  onUpdate(patch: SettingsPatch): Promise<string | null>;
  onReset(): Promise<string | null>;
}

const CUE_FIELDS: { key: keyof CueSettings; label: string; unit: string; step: number }[] = [
  { key: 'pauseSec', label: 'Pause before “your turn”', unit: 's', step: 0.1 },
  { key: 'backchannelSec', label: 'Longest backchannel (“mm-hm”)', unit: 's', step: 0.05 },
  { key: 'tooLoudMarginLu', label: 'Too loud: above your normal voice by', unit: 'LU', step: 1 },
  { key: 'heatedMarginLu', label: 'Caller heated: above their baseline by', unit: 'LU', step: 1 },
  { key: 'minHoldSec', label: 'Shortest time a cue stays', unit: 's', step: 0.1 },
  { key: 'hysteresisLu', label: 'Level cue hysteresis', unit: 'LU', step: 0.5 },
];

export function SettingsView({ settings, appInfo, onUpdate, onReset }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const inputs = useAudioInputs();
  const features = appInfo?.features;

  async function apply(patch: SettingsPatch) {
    const error = await onUpdate(patch);
    setMessage(error ? `Not saved: ${error}` : 'Saved.');
  }
  const audio = (patch: Partial<AudioSettings>) => void apply({ audio: patch });

  const deviceSelect = (
    label: string,
    value: string | null,
    onChange: (id: string | null) => void,
  ) => (
    <label className="form-grid">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">System default</option>
        {inputs.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `Input ${i + 1}`}
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
      <section className="panel" aria-labelledby="audio-title">
        <h3 id="audio-title">Audio sources</h3>
        <label className="form-grid">
          <span>How the call reaches Calm Line</span>
          <select
            value={settings.audio.mode}
            onChange={(e) => audio({ mode: e.target.value as AudioSettings['mode'] })}
            data-testid="audio-mode"
          >
            <option value="stereo-split">One stereo device, split by channel</option>
            <option value="two-devices">Two devices: my mic + the caller’s audio</option>
            <option value="system-loopback" disabled={!features?.systemLoopback}>
              System audio for the caller{features?.systemLoopback ? '' : ' (desktop app only)'}
            </option>
          </select>
        </label>
        {settings.audio.mode === 'stereo-split' ? (
          <>
            {deviceSelect('Stereo device', settings.audio.stereoDeviceId, (id) =>
              audio({ stereoDeviceId: id }),
            )}
            <label className="form-grid">
              <span>My voice is on the</span>
              <select
                value={settings.audio.agentSide}
                onChange={(e) => audio({ agentSide: e.target.value as 'left' | 'right' })}
              >
                <option value="left">left channel</option>
                <option value="right">right channel</option>
              </select>
            </label>
          </>
        ) : (
          <>
            {deviceSelect('My microphone', settings.audio.micDeviceId, (id) =>
              audio({ micDeviceId: id }),
            )}
            {settings.audio.mode === 'two-devices' &&
              deviceSelect(
                'Caller’s audio (loopback / monitor input)',
                settings.audio.callerDeviceId,
                (id) => audio({ callerDeviceId: id }),
              )}
          </>
        )}
        {!features?.systemLoopback && (
          <p className="muted">
            System audio capture needs the desktop app on Windows or macOS; here, use a loopback or
            monitor input as a second device.
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="cue-title">
        <h3 id="cue-title">Cues</h3>
        <div className="form-grid">
          {CUE_FIELDS.map(({ key, label, unit, step }) => (
            <label key={key} style={{ display: 'contents' }}>
              <span>
                {label}{' '}
                <small className="muted">
                  (default {DEFAULT_CUE_SETTINGS[key]} {unit})
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
          Start a call automatically when the caller speaks (while listening)
        </label>
      </section>

      <section className="panel" aria-labelledby="recording-title">
        <h3 id="recording-title">Call audio</h3>
        <RecordingSettings settings={settings} apply={apply} />
      </section>

      <section className="panel" aria-labelledby="desktop-title">
        <h3 id="desktop-title">Desktop</h3>
        <DesktopSettings settings={settings} appInfo={appInfo} apply={apply} say={setMessage} />
      </section>

      <div className="actions">
        <button
          onClick={() =>
            void onReset().then((error) =>
              setMessage(
                error ? `Not reset: ${error}` : 'All settings are back to their defaults.',
              ),
            )
          }
          data-testid="reset-settings"
        >
          Reset to defaults
        </button>
      </div>
    </main>
  );
}
