import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Settings, SettingsPatch } from '../../../preload/contract/settings-schema';
import type { UseCall } from '../call/use-call';
import { swappedSides } from '../live-coach/coach-controller';
import { VOICE_CHECK_COPY, voiceCheckVerdict, type VoiceCheckVerdict } from './voice-check';

const MODES: { id: Settings['audio']['mode']; label: string; hint: string }[] = [
  {
    id: 'stereo-split',
    label: 'One stereo input',
    hint: 'Your headset microphone on one channel, the call on the other.',
  },
  {
    id: 'two-devices',
    label: 'Two inputs',
    hint: 'Your microphone, and the call from a second input (a monitor or loopback source).',
  },
  {
    id: 'system-loopback',
    label: 'System sound',
    hint: 'Your microphone, and the call from what the computer plays.',
  },
];

/** How often the check samples the live voice detectors (s). */
const SAMPLE_SEC = 0.1;

/**
 * The first run, in one short screen: the agent's name and team, how the call reaches Calm Line, which
 * side is the caller, and a check — "say a sentence": the voice must arrive on the agent's side and the
 * caller's side stay quiet. Every answer is saved as it is given; "Start coaching" (or "Skip") ends it.
 */
export function FirstRunSetup({
  settings,
  live,
  onUpdate,
  onDone,
}: {
  settings: Settings;
  live: UseCall;
  onUpdate(patch: SettingsPatch): Promise<unknown> | void;
  /** Finished (with the name and team as typed) or skipped (nothing). */
  onDone(profile?: { agentName: string; team: string }): void;
}) {
  const [name, setName] = useState(settings.profile.agentName);
  const [team, setTeam] = useState(settings.profile.team);
  const [check, setCheck] = useState<{
    verdict: VoiceCheckVerdict;
    agentSec: number;
    callerSec: number;
  } | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const { coach } = live;
  const audio = settings.audio;
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);
  useEffect(() => () => stop(), []);

  function stop() {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }

  async function runCheck() {
    stop();
    setCheck({ verdict: 'listening', agentSec: 0, callerSec: 0 });
    if (!(await coach.open())) {
      setCheck(null);
      return;
    }
    let agentSec = 0;
    let callerSec = 0;
    let elapsed = 0;
    timer.current = setInterval(() => {
      const s = coach.sessionRef.current?.latest;
      elapsed += SAMPLE_SEC;
      if (s?.agent.speaking) agentSec += SAMPLE_SEC;
      if (s?.caller.speaking) callerSec += SAMPLE_SEC;
      const verdict = voiceCheckVerdict(agentSec, callerSec, elapsed);
      setCheck({ verdict, agentSec, callerSec });
      if (verdict !== 'listening') stop();
    }, SAMPLE_SEC * 1000);
  }

  function saveProfile(event?: FormEvent) {
    event?.preventDefault();
    void onUpdate({ profile: { agentName: name.trim(), team: team.trim() } });
  }

  const swap = swappedSides(audio);
  return (
    <main className="setup" data-testid="setup">
      <h2>Set up Calm Line</h2>
      <p className="muted">Four questions and a check; change any of it later in Settings.</p>
      <form className="panel setup-step" onSubmit={saveProfile} onBlur={() => saveProfile()}>
        <h3>1. Who you are</h3>
        <label className="setup-field">
          Your name or agent id
          <input
            ref={first}
            value={name}
            maxLength={200}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
            data-testid="setup-name"
          />
        </label>
        <label className="setup-field">
          Your team
          <input
            value={team}
            maxLength={200}
            onChange={(e) => setTeam(e.target.value)}
            data-testid="setup-team"
          />
        </label>
        <p className="muted">
          Every saved call carries your name, so your team lead can tell calls apart.
        </p>
      </form>
      <fieldset className="panel setup-step">
        <legend>2. How the call reaches Calm Line</legend>
        {MODES.map((m) => (
          <label key={m.id} className="setup-choice">
            <input
              type="radio"
              name="setup-mode"
              checked={audio.mode === m.id}
              onChange={() => void onUpdate({ audio: { mode: m.id } })}
              data-testid={`setup-mode-${m.id}`}
            />
            <span>
              <strong>{m.label}</strong> — {m.hint}
            </span>
          </label>
        ))}
      </fieldset>
      {audio.mode === 'stereo-split' && (
        <fieldset className="panel setup-step">
          <legend>3. Which side is the caller</legend>
          {(['right', 'left'] as const).map((callerSide) => (
            <label key={callerSide} className="setup-choice">
              <input
                type="radio"
                name="setup-side"
                checked={audio.agentSide !== callerSide}
                onChange={() =>
                  void onUpdate({ audio: { agentSide: callerSide === 'right' ? 'left' : 'right' } })
                }
                data-testid={`setup-caller-${callerSide}`}
              />
              <span>
                Caller on the <strong>{callerSide}</strong>, my voice on the{' '}
                {callerSide === 'right' ? 'left' : 'right'}
                {callerSide === 'right' ? ' (most headsets and softphones)' : ''}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <section className="panel setup-step" aria-labelledby="setup-check-title">
        <h3 id="setup-check-title">
          {audio.mode === 'stereo-split' ? '4' : '3'}. Check: say a sentence
        </h3>
        <p className="muted">
          With no call on, say a sentence in your normal voice. It must arrive on your side, and the
          caller’s side must stay quiet.
        </p>
        <div className="actions">
          <button type="button" onClick={() => void runCheck()} data-testid="setup-check">
            {check ? 'Check again' : 'Start the check'}
          </button>
        </div>
        {check && (
          <p
            className={check.verdict === 'ok' ? 'notice info' : 'notice'}
            role="status"
            data-testid="setup-check-result"
            data-verdict={check.verdict}
          >
            {check.verdict === 'listening'
              ? `Listening… you ${check.agentSec.toFixed(1)} s, caller side ${check.callerSec.toFixed(1)} s`
              : VOICE_CHECK_COPY[check.verdict]}{' '}
            {check.verdict === 'swapped' && swap && (
              <button
                type="button"
                onClick={() => {
                  void onUpdate({ audio: swap });
                  setCheck(null);
                }}
                data-testid="setup-swap"
              >
                Swap the sides
              </button>
            )}
          </p>
        )}
        {coach.problem && (
          <p className="notice" role="alert">
            {coach.problem.message}
          </p>
        )}
      </section>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => onDone({ agentName: name.trim(), team: team.trim() })}
          data-testid="setup-done"
        >
          Start coaching
        </button>
        <button type="button" onClick={() => onDone()} data-testid="setup-skip">
          Skip for now
        </button>
      </div>
    </main>
  );
}
