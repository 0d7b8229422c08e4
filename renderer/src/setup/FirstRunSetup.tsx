import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Settings, SettingsPatch } from '../../../preload/contract/settings-schema';
import type { UseCall } from '../call/use-call';
import { swappedSides } from '../live-coach/coach-controller';
import { VOICE_CHECK_MESSAGES, voiceCheckVerdict, type VoiceCheckVerdict } from './voice-check';
import type { MessageKey } from '../i18n/catalogue';
import { describeSourceProblem } from '../live-coach/audio/source-problem-text';

const MODES: { id: Settings['audio']['mode']; label: MessageKey; hint: MessageKey }[] = [
  { id: 'stereo-split', label: 'setup.mode.stereo-split', hint: 'setup.mode.stereo-split.hint' },
  { id: 'two-devices', label: 'setup.mode.two-devices', hint: 'setup.mode.two-devices.hint' },
  {
    id: 'system-loopback',
    label: 'setup.mode.system-loopback',
    hint: 'setup.mode.system-loopback.hint',
  },
];

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

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
  const intl = useIntl();

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
      <h2>
        <FormattedMessage id="setup.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="setup.intro" />
      </p>
      <form className="panel setup-step" onSubmit={saveProfile} onBlur={() => saveProfile()}>
        <h3>
          <FormattedMessage id="setup.who.title" />
        </h3>
        <label className="setup-field">
          <FormattedMessage id="setup.who.name" />
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
          <FormattedMessage id="setup.who.team" />
          <input
            value={team}
            maxLength={200}
            onChange={(e) => setTeam(e.target.value)}
            data-testid="setup-team"
          />
        </label>
        <p className="muted">
          <FormattedMessage id="setup.who.help" />
        </p>
      </form>
      <fieldset className="panel setup-step">
        <legend>
          <FormattedMessage id="setup.mode.title" />
        </legend>
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
              <FormattedMessage
                id="setup.mode.choice"
                values={{
                  mode: intl.formatMessage({ id: m.label }),
                  hint: intl.formatMessage({ id: m.hint }),
                  strong,
                }}
              />
            </span>
          </label>
        ))}
      </fieldset>
      {audio.mode === 'stereo-split' && (
        <fieldset className="panel setup-step">
          <legend>
            <FormattedMessage id="setup.side.title" />
          </legend>
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
                <FormattedMessage
                  id={callerSide === 'right' ? 'setup.side.caller-right' : 'setup.side.caller-left'}
                  values={{ strong }}
                />
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <section className="panel setup-step" aria-labelledby="setup-check-title">
        <h3 id="setup-check-title">
          <FormattedMessage
            id="setup.check.title"
            values={{ number: audio.mode === 'stereo-split' ? 4 : 3 }}
          />
        </h3>
        <p className="muted">
          <FormattedMessage id="setup.check.help" />
        </p>
        <div className="actions">
          <button type="button" onClick={() => void runCheck()} data-testid="setup-check">
            <FormattedMessage id={check ? 'setup.check.again' : 'setup.check.start'} />
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
              ? intl.formatMessage(
                  { id: 'setup.check.listening' },
                  { agent: check.agentSec, caller: check.callerSec },
                )
              : intl.formatMessage({ id: VOICE_CHECK_MESSAGES[check.verdict] })}{' '}
            {check.verdict === 'swapped' && swap && (
              <button
                type="button"
                onClick={() => {
                  void onUpdate({ audio: swap });
                  setCheck(null);
                }}
                data-testid="setup-swap"
              >
                <FormattedMessage id="setup.check.swap" />
              </button>
            )}
          </p>
        )}
        {coach.problem && (
          <p className="notice" role="alert">
            {describeSourceProblem(coach.problem, intl)}
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
          <FormattedMessage id="setup.done" />
        </button>
        <button type="button" onClick={() => onDone()} data-testid="setup-skip">
          <FormattedMessage id="setup.skip" />
        </button>
      </div>
    </main>
  );
}
