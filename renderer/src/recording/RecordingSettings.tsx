import { FormattedMessage } from 'react-intl';
import type { Settings, SettingsPatch } from '../api/host-api';

interface Props {
  settings: Settings;
  apply(patch: SettingsPatch): Promise<void>;
}

/** Where a kept call's audio goes: a path, the same in every language. */
const RECORDING_PATH = '<data folder>/recordings/YYYY-MM/<call id>.wav';

/** The opt-in for keeping call audio, saying exactly what is stored and where. Off by default. */
export function RecordingSettings({ settings, apply }: Props) {
  const on = settings.recording.storeAudio;
  return (
    <>
      <label style={{ display: 'flex', gap: 6 }}>
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => void apply({ recording: { storeAudio: e.target.checked } })}
          data-testid="keep-call-audio"
          aria-describedby="keep-call-audio-help"
        />
        <FormattedMessage id="settings.recording.keep" />
      </label>
      <p className="muted" id="keep-call-audio-help">
        <FormattedMessage
          id="settings.recording.help"
          values={{ path: <code>{RECORDING_PATH}</code> }}
        />{' '}
        <FormattedMessage id={on ? 'settings.recording.on' : 'settings.recording.off'} />
      </p>
    </>
  );
}
