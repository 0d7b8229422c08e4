import type { Settings, SettingsPatch } from '../api/host-api';

interface Props {
  settings: Settings;
  apply(patch: SettingsPatch): Promise<void>;
}

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
        Keep call audio
      </label>
      <p className="muted" id="keep-call-audio-help">
        When this is on, Calm Line stores both parties’ audio of each call (the caller and you) as a
        16-bit stereo WAV file in{' '}
        <code>&lt;data folder&gt;/recordings/YYYY-MM/&lt;call id&gt;.wav</code>, and the call’s
        review in the log plays it. While it is off, no audio is stored: only loudness figures and
        cues are kept. {on ? 'It is on: calls from now on are recorded.' : 'It is off.'}
      </p>
    </>
  );
}
