import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../preload/contract/settings-schema';
import type { AppInfo } from '../../../preload/contract/ipc-contract';
import { CueBanner } from './CueBanner';
import { CueLiveRegion } from './CueLiveRegion';
import { LevelMeter } from './LevelMeter';
import { LiveStats } from './LiveStats';
import { VoiceModel } from './VoiceModel';
import { PrioritiesPad } from './PrioritiesPad';
import { METER_TICKS_LUFS } from './meters/meter-scale';
import { setMeterBand } from './meters/meter-board';
import { newId, type FinishedCall, type Priority } from './finished-call';
import { useCoach } from './use-coach';
import { MIN_CALIBRATION_VOICED_SEC } from '../../engine/voice-calibration';
import { useHostEvent } from '../app/use-host-event';
import { useCallEvents, type CallEventActions } from './call-events/use-call-events';
import { DEFAULT_CALLER_NUMBER_POLICY } from '../../../preload/domain/caller-number';

/** An auto-started call begins this far before the caller's voice was detected. */
const AUTO_START_PRE_ROLL_SEC = 1;

interface Props {
  settings: Settings | null;
  appInfo: AppInfo | null;
  onSaveCalibration(deviceKey: string, lufs: number): void;
  /** The call's hand-off: the app opens its wrap-up (which shows the call's figures). */
  onCallFinished(call: FinishedCall): void;
  /** Told whenever a call starts or ends (the desktop tray shows it). */
  onInCallChange?(inCall: boolean): void;
}

export function LiveCoachView({
  settings,
  appInfo,
  onSaveCalibration,
  onCallFinished,
  onInCallChange,
}: Props) {
  const coach = useCoach(settings, onSaveCalibration);
  useEffect(() => onInCallChange?.(coach.inCall), [coach.inCall, onInCallChange]);
  const { sessionRef } = coach;
  const [priorities, setPriorities] = useState<Priority[]>([]);
  const startedAt = useRef<string>('');
  const marks = useRef<number[]>([]);

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

  const { startCall, endCall, callIdRef } = coach;
  const callActions = useRef<CallEventActions>({
    start: async () => undefined,
    end: async () => undefined,
    mark: () => undefined,
  });
  const phone = useCallEvents(
    sessionRef,
    callActions,
    settings?.recording.callerNumber ?? DEFAULT_CALLER_NUMBER_POLICY,
  );
  const { callStarted, callEnding } = phone;
  const start = useCallback(
    async (preRollSec = 0) => {
      if (sessionRef.current?.inCall) return;
      startedAt.current = new Date(Date.now() - preRollSec * 1000).toISOString();
      marks.current = [];
      setPriorities([]);
      callStarted();
      await startCall(preRollSec);
    },
    [startCall, callStarted, sessionRef],
  );
  coach.autoStartRef.current = () => {
    // Once the phone software sends events, it says when calls start.
    if (settings?.autoStartOnCallerSpeech && !phone.eventsSeen.current)
      void start(AUTO_START_PRE_ROLL_SEC);
  };

  const end = useCallback(async () => {
    if (!sessionRef.current?.inCall) return;
    const phoneRecord = callEnding();
    const analysis = await endCall();
    if (!analysis) return;
    onCallFinished({
      id: callIdRef.current ?? newId(),
      startedAt: startedAt.current,
      endedAt: new Date().toISOString(),
      analysis,
      priorities,
      marks: marks.current,
      ...(phoneRecord ? { phone: phoneRecord } : {}),
    });
  }, [endCall, callIdRef, onCallFinished, priorities, callEnding, sessionRef]);

  const mark = useCallback(() => {
    const s = sessionRef.current;
    if (s?.inCall) marks.current.push(Math.round(s.latest.timeSec * 10) / 10);
  }, [sessionRef]);
  callActions.current = { start: () => start(), end, mark };

  // The host is stopping: a call in progress ends now, so its wrap-up draft is saved.
  useHostEvent('host-closing', () => void end());
  useHostEvent('hotkey', ({ action }) => {
    if (action === 'startCall') void start();
    else if (action === 'endCall') void end();
    else if (action === 'markMoment') mark();
  });

  const cal = coach.calibration;
  return (
    <main data-filter-kernel={coach.filterKernel ?? undefined}>
      <CueBanner state={coach.banner} />
      {coach.inCall && phone.held && (
        <p className="notice info" data-testid="on-hold" role="status">
          On hold — no cues until the call resumes.
        </p>
      )}
      <CueLiveRegion banner={coach.banner} heated={coach.heated} />
      {coach.problem && (
        <div
          className="notice"
          role="alert"
          data-testid="source-problem"
          data-kind={coach.problem.kind}
        >
          {coach.problem.message}{' '}
          {coach.problem.kind !== 'mono-source' && (
            <button type="button" onClick={coach.retrySources} data-testid="retry-source">
              Try again
            </button>
          )}
        </div>
      )}
      <section className="panel" aria-label="Loudness">
        <LevelMeter id="caller" label="Caller" read={readCaller} testId="meter-caller" />
        <LevelMeter id="agent" label="You" read={readAgent} testId="meter-agent" />
        <div className="meter-scale" aria-hidden="true">
          <span />
          <div>
            {METER_TICKS_LUFS.map((t) => (
              <span key={t}>{t}</span>
            ))}
          </div>
          <span />
        </div>
        <LiveStats sessionRef={sessionRef} heated={coach.heated} />
        <VoiceModel sessionRef={sessionRef} inCall={coach.inCall} />
      </section>
      <div className="actions">
        {!coach.inCall ? (
          <button
            className="primary"
            onClick={() => void start()}
            disabled={coach.phase === 'opening' || !settings}
            data-testid="start-call"
          >
            Start call{' '}
            {settings?.hotkeys.startCall && appInfo?.features.globalHotkeys ? (
              <kbd>{settings.hotkeys.startCall}</kbd>
            ) : null}
          </button>
        ) : (
          <>
            <button className="primary" onClick={() => void end()} data-testid="end-call">
              End call{' '}
              {settings?.hotkeys.endCall && appInfo?.features.globalHotkeys ? (
                <kbd>{settings.hotkeys.endCall}</kbd>
              ) : null}
            </button>
            <button onClick={mark}>Mark moment</button>
          </>
        )}
        {coach.phase === 'off' && !coach.inCall && (
          <button onClick={() => void coach.open()} disabled={!settings}>
            Listen without a call
          </button>
        )}
        <button
          onClick={() => void coach.calibrate(!cal.running)}
          disabled={!settings || coach.inCall}
          data-testid="calibrate"
        >
          {cal.running ? 'Stop calibrating' : 'Calibrate my voice'}
        </button>
      </div>
      {!cal.running && cal.enough && cal.normalLufs !== null && (
        <p className="notice info" data-testid="calibration-done">
          Your normal voice: {cal.normalLufs.toFixed(1)} LUFS. “Speak softly” shows{' '}
          {settings?.cue.tooLoudMarginLu ?? 6} LU above it.
        </p>
      )}
      {cal.running && (
        <p className="notice info" data-testid="calibration">
          Say a sentence in your normal voice… {cal.speechSec.toFixed(1)} /{' '}
          {MIN_CALIBRATION_VOICED_SEC} s heard
        </p>
      )}
      {coach.inCall && <PrioritiesPad priorities={priorities} onChange={setPriorities} />}
    </main>
  );
}
