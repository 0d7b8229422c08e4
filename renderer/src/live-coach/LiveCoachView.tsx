import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Settings } from '../../../preload/contract/settings-schema';
import type { AppInfo } from '../../../preload/contract/ipc-contract';
import type { UseCall } from '../call/use-call';
import { CallClock } from './CallClock';
import { describeSourceProblem } from './audio/source-problem-text';
import { CueTile } from './CueTile';
import { CueLiveRegion } from './CueLiveRegion';
import { LevelMeter } from './LevelMeter';
import { LiveStats } from './LiveStats';
import { MicState } from './MicState';
import { VoiceModel } from './VoiceModel';
import { PrioritiesPad } from './PrioritiesPad';
import { SwapSidesOffer } from './SwapSidesOffer';
import { METER_TICKS_LUFS } from './meters/meter-scale';
import { setMeterBand } from './meters/meter-board';
import { MIN_CALIBRATION_VOICED_SEC } from '../../engine/voice-calibration';

/** The key that shows or hides the coach's details in a docked (narrow) window. */
export const MORE_KEY = 'F3';

interface Props {
  settings: Settings | null;
  appInfo: AppInfo | null;
  live: UseCall;
  /** The coach is the screen on show (its keys apply). */
  shown: boolean;
}

/**
 * The live coach: the cue tile with the call's clock, the two meters and the call button first — all a
 * docked window (≤ 480 px) shows — then the figures, the voices compared with, calibration and the
 * priorities pad (one key away there: MORE_KEY). Wide windows put the tile beside the rest.
 */
export function LiveCoachView({ settings, appInfo, live, shown }: Props) {
  const { coach, call, controller } = live;
  const { sessionRef } = coach;
  const [moreOpen, setMoreOpen] = useState(false);
  const intl = useIntl();

  const readCaller = useCallback(
    () => sessionRef.current?.latest.caller.momentaryLufs ?? null,
    [sessionRef],
  );
  const readAgent = useCallback(
    () => sessionRef.current?.latest.agent.momentaryLufs ?? null,
    [sessionRef],
  );
  const margin = settings?.cue.tooLoudMarginLu;
  useEffect(() => {
    if (margin !== undefined) setMeterBand(margin);
  }, [margin]);

  useEffect(() => {
    if (!shown) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === MORE_KEY && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        setMoreOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown]);

  const cal = coach.calibration;
  const hotkey = (key: string | undefined) =>
    key && appInfo?.features.globalHotkeys ? <kbd>{key}</kbd> : null;
  return (
    <main
      className={moreOpen ? 'coach more-open' : 'coach'}
      data-filter-kernel={coach.filterKernel ?? undefined}
      data-channel-order={coach.channelOrder}
    >
      <div className="coach-cue">
        <CueTile state={coach.banner}>
          <CallClock sessionRef={sessionRef} />
        </CueTile>
        <CueLiveRegion banner={coach.banner} heated={coach.heated} />
        {call.live && call.held && (
          <p className="notice info" data-testid="on-hold" role="status">
            <FormattedMessage id="coach.on-hold" />
          </p>
        )}
        {call.live && !call.held && coach.musicHold && (
          <p className="notice info" data-testid="on-hold-music" role="status">
            <FormattedMessage id="coach.on-hold-music" />
          </p>
        )}
        {coach.channelOrder === 'swapped' && settings && (
          <SwapSidesOffer
            audio={settings.audio}
            onSwap={coach.swapSides}
            onKeep={coach.keepSides}
          />
        )}
        {coach.problem && (
          <div
            className="notice"
            role="alert"
            data-testid="source-problem"
            data-kind={coach.problem.kind}
          >
            {describeSourceProblem(coach.problem, intl)}{' '}
            {coach.problem.kind !== 'mono-source' && (
              <button type="button" onClick={coach.retrySources} data-testid="retry-source">
                <FormattedMessage id="coach.retry-source" />
              </button>
            )}
          </div>
        )}
      </div>
      <div className="coach-side">
        <section className="panel meters" aria-label={intl.formatMessage({ id: 'coach.loudness' })}>
          <LevelMeter
            id="caller"
            label={intl.formatMessage({ id: 'coach.meter.caller' })}
            name={intl.formatMessage({ id: 'coach.meter.caller.name' })}
            read={readCaller}
            testId="meter-caller"
          />
          <LevelMeter
            id="agent"
            label={intl.formatMessage({ id: 'coach.meter.agent' })}
            name={intl.formatMessage({ id: 'coach.meter.agent.name' })}
            read={readAgent}
            testId="meter-agent"
          />
          <div className="meter-scale" aria-hidden="true">
            <span />
            <div>
              {METER_TICKS_LUFS.map((t) => (
                <span key={t}>{t}</span>
              ))}
            </div>
            <span />
          </div>
          <MicState sessionRef={sessionRef} />
        </section>
        <div className="actions">
          {!call.live ? (
            <button
              className="primary"
              onClick={() => void controller.start('button')}
              disabled={coach.phase === 'opening' || !settings}
              data-testid="start-call"
            >
              <FormattedMessage
                id="coach.start-call"
                values={{ key: hotkey(settings?.hotkeys.startCall) }}
              />
            </button>
          ) : (
            <button
              className="primary"
              onClick={() => void controller.end()}
              data-testid="end-call"
            >
              <FormattedMessage
                id="coach.end-call"
                values={{ key: hotkey(settings?.hotkeys.endCall) }}
              />
            </button>
          )}
          <button
            type="button"
            className="more-toggle"
            aria-expanded={moreOpen}
            aria-controls="coach-more"
            onClick={() => setMoreOpen((open) => !open)}
            data-testid="coach-more-toggle"
          >
            <FormattedMessage
              id={moreOpen ? 'coach.less' : 'coach.more'}
              values={{ key: <kbd>{MORE_KEY}</kbd> }}
            />
          </button>
        </div>
        <div className="coach-more" id="coach-more">
          <section className="panel" aria-label={intl.formatMessage({ id: 'coach.figures' })}>
            <LiveStats sessionRef={sessionRef} heated={coach.heated} />
            <VoiceModel sessionRef={sessionRef} inCall={call.live} />
          </section>
          <div className="actions">
            {call.live && (
              <button onClick={controller.mark}>
                <FormattedMessage id="coach.mark-moment" />
              </button>
            )}
            {coach.phase === 'off' && !call.live && (
              <button onClick={() => void coach.open()} disabled={!settings}>
                <FormattedMessage id="coach.listen" />
              </button>
            )}
            <button
              onClick={() => void coach.calibrate(!cal.running)}
              disabled={!settings || call.live}
              data-testid="calibrate"
            >
              <FormattedMessage id={cal.running ? 'coach.calibrate.stop' : 'coach.calibrate'} />
            </button>
          </div>
          {!cal.running && cal.enough && cal.normalLufs !== null && (
            <p className="notice info" data-testid="calibration-done">
              <FormattedMessage
                id="coach.calibration.done"
                values={{ lufs: cal.normalLufs, margin: settings?.cue.tooLoudMarginLu ?? 6 }}
              />
            </p>
          )}
          {cal.running && (
            <p className="notice info" data-testid="calibration">
              <FormattedMessage
                id="coach.calibration.running"
                values={{ heard: cal.speechSec, needed: MIN_CALIBRATION_VOICED_SEC }}
              />
            </p>
          )}
          {call.live && (
            <PrioritiesPad priorities={[...call.priorities]} onChange={controller.setPriorities} />
          )}
        </div>
      </div>
    </main>
  );
}
