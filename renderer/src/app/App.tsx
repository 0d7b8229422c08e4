import { useCallback, useState } from 'react';
import { LiveCoachView } from '../live-coach/LiveCoachView';
import type { FinishedCall } from '../live-coach/finished-call';
import { SettingsView } from '../settings/SettingsView';
import { ExportDialog } from '../export/ExportDialog';
import { TeamView } from '../team/TeamView';
import { useSettings } from './use-settings';

type Screen = 'coach' | 'team' | 'settings';
const SCREENS: { id: Screen; label: string }[] = [
  { id: 'coach', label: 'Coach' },
  { id: 'team', label: 'Team' },
  { id: 'settings', label: 'Settings' },
];

export function App() {
  const { settings, appInfo, error, update, reset } = useSettings();
  const [screen, setScreen] = useState<Screen>('coach');
  const [exportOpen, setExportOpen] = useState(false);
  const [lastCall, setLastCall] = useState<FinishedCall | null>(null);

  const saveCalibration = useCallback(
    (deviceKey: string, lufs: number) => void update({ agentNormalLufs: { [deviceKey]: lufs } }),
    [update],
  );

  return (
    <div className="app" data-testid="app" data-host={appInfo?.host ?? ''}>
      <header className="app-header">
        <h1>Calm Line</h1>
        <nav className="nav" aria-label="Screens">
          {SCREENS.map((s) => (
            <button key={s.id} aria-current={screen === s.id ? 'page' : undefined} onClick={() => setScreen(s.id)}>
              {s.label}
            </button>
          ))}
          <button type="button" onClick={() => setExportOpen(true)} aria-haspopup="dialog" data-testid="nav-export">
            Export…
          </button>
        </nav>
      </header>
      {error && (
        <div className="notice" role="alert">
          Settings could not be loaded: {error}
        </div>
      )}
      {/* The coach stays mounted while other screens show, so a call in progress keeps running. */}
      <div hidden={screen !== 'coach'}>
        <LiveCoachView settings={settings} appInfo={appInfo} onSaveCalibration={saveCalibration} onCallFinished={setLastCall} lastCall={lastCall} />
      </div>
      {screen === 'settings' && settings && <SettingsView settings={settings} appInfo={appInfo} onUpdate={update} onReset={reset} />}
      {screen === 'team' && <TeamView />}
      {exportOpen && <ExportDialog open onClose={() => setExportOpen(false)} host={appInfo?.host} />}
    </div>
  );
}
