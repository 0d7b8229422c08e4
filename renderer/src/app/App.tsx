import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { LiveCoachView } from '../live-coach/LiveCoachView';
import type { FinishedCall } from '../live-coach/finished-call';
import type { CallTimeline } from '../../engine/call-types';
import type { AudioSettings } from '../../../preload/contract/settings-schema';
import { useCall } from '../call/use-call';
import { BACK_TO_COACH_KEY } from '../call/LiveCallBadge';
import { WindowTitle } from '../call/WindowTitle';
import { FirstRunSetup } from '../setup/FirstRunSetup';
import { WrapUpSaved } from '../wrap-up/WrapUpSaved';
import { CallEventProblemNotice } from '../phone-events/CallEventProblemNotice';
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
import { useHostEvent } from '../api/use-host-event';
import { useSettings } from './use-settings';
import { SettingsNotLoaded } from './SettingsNotLoaded';
import { StorageNotices } from './StorageNotices';
import { I18nProvider } from '../i18n/I18nProvider';
import { AppHeader, type Screen } from './AppHeader';

// The team screen carries chart.js: loaded when first opened, not with the coach.
const TeamView = lazy(() => import('../team/TeamView').then((m) => ({ default: m.TeamView })));
// Practice (its screens, the scenario maker, the caller's player) is not needed to coach a call:
// loaded when first opened.
const PracticeView = lazy(() =>
  import('../practice/PracticeView').then((m) => ({ default: m.PracticeView })),
);

export function App() {
  const { settings, appInfo, error, update, reset } = useSettings();
  const [screen, setScreen] = useState<Screen>('coach');
  const [exportOpen, setExportOpen] = useState(false);
  const wrapUp = useWrapUp(settings);
  const { begin: beginWrapUp, restored: draftRestored, flush: flushWrapUp } = wrapUp;

  // Whatever starts a call, the coach comes forward; an open wrap-up stays a draft (kept, not saved).
  // A call's end opens its wrap-up.
  const live = useCall(settings, {
    onStarting: () => {
      setScreen('coach');
      void flushWrapUp();
    },
    onFinished: (call: FinishedCall) => {
      setScreen('wrap-up');
      void beginWrapUp(callForWrapUp(call), call.analysis.timeline);
    },
    onSaveCalibration: (deviceKey, lufs) => void update({ agentNormalLufs: { [deviceKey]: lufs } }),
    onSaveAudio: (patch: Partial<AudioSettings>) => void update({ audio: patch }),
  });
  const inCall = live.call.live;

  // First run: the app opens on the setup (decided once, when the settings first arrive), unless a call
  // or a wrap-up left open by a crash has the screen already.
  const setupDecided = useRef(false);
  useEffect(() => {
    if (!settings || setupDecided.current) return;
    setupDecided.current = true;
    if (!settings.profile.setupDone) setScreen((s) => (s === 'coach' ? 'setup' : s));
  }, [settings]);
  useEffect(() => {
    if (draftRestored) setScreen('wrap-up');
  }, [draftRestored]);
  // A saved wrap-up: the next waiting one stays open; with none, back to the coach.
  useEffect(() => {
    if (wrapUp.lastSaved && !wrapUp.draft) setScreen((s) => (s === 'wrap-up' ? 'coach' : s));
  }, [wrapUp.lastSaved, wrapUp.draft]);
  useHostEvent('host-closing', () => void wrapUp.flush());
  useHostEvent('hotkey', ({ action }) => {
    if (action === 'openWrapUp') setScreen('wrap-up');
  });

  // A live call on every screen: the window title (<WindowTitle>), and the key back to the coach.
  useEffect(() => {
    if (!inCall) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === BACK_TO_COACH_KEY && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        setScreen('coach');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inCall]);

  // Saved sessions change the log and the follow-ups; both reload when this changes.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const sessionsChanged = useCallback(() => setSessionsVersion((v) => v + 1), []);
  useEffect(() => {
    if (wrapUp.lastSaved) sessionsChanged();
  }, [wrapUp.lastSaved, sessionsChanged]);
  const followUps = useFollowUps(sessionsVersion);
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
  const waitingCount = wrapUp.waiting.length + (wrapUp.draft ? 1 : 0);

  return (
    <I18nProvider language={settings?.ui.language} systemLanguages={appInfo?.systemLanguages}>
      <div
        className={settings?.ui.compact ? 'app compact' : 'app'}
        data-testid="app"
        data-host={appInfo?.host ?? ''}
        data-screen={screen}
        data-live={inCall ? 'true' : undefined}
      >
        <WindowTitle live={inCall} banner={live.coach.banner} />
        <AppHeader
          screen={screen}
          onScreen={setScreen}
          liveSession={inCall ? live.coach.sessionRef : null}
          wrapUpsOpen={waitingCount}
          followUpsDue={followUps.count}
          onExport={() => setExportOpen(true)}
        />
        {error && <SettingsNotLoaded failure={error} />}
        <StorageNotices />
        <CallEventProblemNotice />
        {screen === 'setup' && settings && (
          <FirstRunSetup
            settings={settings}
            live={live}
            onUpdate={update}
            onDone={(profile) => {
              void update({ profile: { ...profile, setupDone: true } });
              setScreen('coach');
            }}
          />
        )}
        {screen === 'coach' && !inCall && !wrapUp.draft && wrapUp.lastSaved && (
          <WrapUpSaved afterCallWorkSec={wrapUp.lastSaved.afterCallWorkSec} />
        )}
        {/* The coach stays mounted while other screens show, so a call in progress keeps running. */}
        <div hidden={screen !== 'coach'}>
          <LiveCoachView
            settings={settings}
            appInfo={appInfo}
            live={live}
            shown={screen === 'coach'}
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
        {screen === 'practice' && !inCall && (
          <Suspense
            fallback={
              <p className="muted">
                <FormattedMessage id="app.practice-loading" />
              </p>
            }
          >
            <PracticeView settings={settings} />
          </Suspense>
        )}
        {screen === 'settings' && settings && (
          <>
            <SettingsView settings={settings} appInfo={appInfo} onUpdate={update} onReset={reset} />
            <WrapUpSettingsPanel settings={settings} onUpdate={update} />
            <PhoneSoftwarePanel settings={settings} onUpdate={update} />
          </>
        )}
        {screen === 'team' && (
          <Suspense
            fallback={
              <p className="muted">
                <FormattedMessage id="app.team-loading" />
              </p>
            }
          >
            <TeamView />
          </Suspense>
        )}
        {exportOpen && (
          <ExportDialog open onClose={() => setExportOpen(false)} host={appInfo?.host} />
        )}
      </div>
    </I18nProvider>
  );
}
