import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { LiveCoachView } from '../live-coach/LiveCoachView';
import type { FinishedCall } from '../live-coach/finished-call';
import type { CallTimeline } from '../../engine/call-types';
import { FollowUpsView } from '../follow-ups/FollowUpsView';
import { useFollowUps } from '../follow-ups/use-follow-ups';
import { SessionLogView } from '../session-log/SessionLogView';
import { SettingsView } from '../settings/SettingsView';
import { ExportDialog } from '../export/ExportDialog';
import { useReportCallStatus } from '../desktop/use-report-call-status';
import { WrapUpSettingsPanel } from '../wrap-up/WrapUpSettingsPanel';
import { PhoneSoftwarePanel } from '../settings/PhoneSoftwarePanel';
import { WrapUpView } from '../wrap-up/WrapUpView';
import { callForWrapUp } from '../wrap-up/call-hand-off';
import type { CallForWrapUp } from '../wrap-up/wrap-up-draft';
import { useWrapUp } from '../wrap-up/use-wrap-up';
import { useHostEvent } from './use-host-event';
import { useSettings } from './use-settings';
import { StorageNotices } from './StorageNotices';
import { TeamSyncBadge } from '../team/TeamSyncBadge';

// The team screen carries chart.js: loaded when first opened, not with the coach.
const TeamView = lazy(() => import('../team/TeamView').then((m) => ({ default: m.TeamView })));

type Screen = 'coach' | 'wrap-up' | 'log' | 'follow-ups' | 'team' | 'settings';
const SCREENS: { id: Screen; label: string }[] = [
  { id: 'coach', label: 'Coach' },
  { id: 'wrap-up', label: 'Wrap-up' },
  { id: 'log', label: 'Log' },
  { id: 'follow-ups', label: 'Follow-ups' },
  { id: 'team', label: 'Team' },
  { id: 'settings', label: 'Settings' },
];

export function App() {
  const { settings, appInfo, error, update, reset } = useSettings();
  const [screen, setScreen] = useState<Screen>('coach');
  const [exportOpen, setExportOpen] = useState(false);
  const wrapUp = useWrapUp(settings);
  const { begin: beginWrapUp, restored: draftRestored } = wrapUp;

  // A call's end opens its wrap-up; a wrap-up left open by a crash or a forced quit reopens at start.
  const onCallFinished = useCallback(
    (call: FinishedCall) => {
      setScreen('wrap-up');
      void beginWrapUp(callForWrapUp(call), call.analysis.timeline);
    },
    [beginWrapUp],
  );
  useEffect(() => {
    if (draftRestored) setScreen('wrap-up');
  }, [draftRestored]);
  useHostEvent('host-closing', () => void wrapUp.flush());
  useHostEvent('hotkey', ({ action }) => {
    if (action === 'openWrapUp') setScreen('wrap-up');
    // A call started by hotkey from another screen brings the coach back (its wrap-up stays open).
    else if (action === 'startCall') setScreen('coach');
  });

  // Saved sessions change the log and the follow-ups; both reload when this changes.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const sessionsChanged = useCallback(() => setSessionsVersion((v) => v + 1), []);
  useEffect(() => {
    if (wrapUp.lastSaved) sessionsChanged();
  }, [wrapUp.lastSaved, sessionsChanged]);
  const followUps = useFollowUps(sessionsVersion);
  const [inCall, setInCall] = useState(false);
  useReportCallStatus({
    inCall,
    wrapUpPending: wrapUp.draft !== null,
    followUpsDue: followUps.count,
  });
  const [openSessionId, setOpenSessionId] = useState<string | null>(null);
  const openSession = useCallback((id: string) => {
    setOpenSessionId(id);
    setScreen('log');
  }, []);
  const saveRecordedCall = useCallback(
    (call: CallForWrapUp, timeline: CallTimeline | null) => {
      setScreen('wrap-up');
      void beginWrapUp(call, timeline);
    },
    [beginWrapUp],
  );

  const saveCalibration = useCallback(
    (deviceKey: string, lufs: number) => void update({ agentNormalLufs: { [deviceKey]: lufs } }),
    [update],
  );

  return (
    <div
      className={settings?.ui.compact ? 'app compact' : 'app'}
      data-testid="app"
      data-host={appInfo?.host ?? ''}
    >
      <header className="app-header">
        <h1>Calm Line</h1>
        <nav className="nav" aria-label="Screens">
          {SCREENS.map((s) => (
            <button
              key={s.id}
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={() => setScreen(s.id)}
              data-testid={`nav-${s.id}`}
            >
              {s.label}
              {s.id === 'wrap-up' && wrapUp.draft && (
                <span className="nav-badge" aria-label="(open)">
                  •
                </span>
              )}
              {s.id === 'follow-ups' && followUps.count > 0 && (
                <span
                  className="nav-badge"
                  data-testid="follow-ups-badge"
                  aria-label={`(${followUps.count} due)`}
                >
                  {followUps.count}
                </span>
              )}
            </button>
          ))}
          <button
            type="button"
            onClick={() => setExportOpen(true)}
            aria-haspopup="dialog"
            data-testid="nav-export"
          >
            Export…
          </button>
        </nav>
        <TeamSyncBadge />
      </header>
      {error && (
        <div className="notice" role="alert">
          Settings could not be loaded: {error}
        </div>
      )}
      <StorageNotices />
      {/* The coach stays mounted while other screens show, so a call in progress keeps running. */}
      <div hidden={screen !== 'coach'}>
        <LiveCoachView
          settings={settings}
          appInfo={appInfo}
          onSaveCalibration={saveCalibration}
          onCallFinished={onCallFinished}
          onInCallChange={setInCall}
        />
      </div>
      {screen === 'wrap-up' && <WrapUpView wrapUp={wrapUp} settings={settings} />}
      {screen === 'log' && (
        <SessionLogView
          settings={settings}
          selectedId={openSessionId}
          onSelect={setOpenSessionId}
          onSaveRecordedCall={saveRecordedCall}
          refreshKey={sessionsVersion}
          onSessionChanged={sessionsChanged}
        />
      )}
      {screen === 'follow-ups' && <FollowUpsView followUps={followUps} onOpen={openSession} />}
      {screen === 'settings' && settings && (
        <>
          <SettingsView settings={settings} appInfo={appInfo} onUpdate={update} onReset={reset} />
          <WrapUpSettingsPanel settings={settings} onUpdate={update} />
          <PhoneSoftwarePanel settings={settings} onUpdate={update} />
        </>
      )}
      {screen === 'team' && (
        <Suspense fallback={<p className="muted">Loading the team view…</p>}>
          <TeamView />
        </Suspense>
      )}
      {exportOpen && (
        <ExportDialog open onClose={() => setExportOpen(false)} host={appInfo?.host} />
      )}
    </div>
  );
}
