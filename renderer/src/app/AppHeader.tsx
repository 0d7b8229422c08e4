import type { MutableRefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CoachSession } from '../live-coach/audio/coach-session';
import { LiveCallBadge } from '../call/LiveCallBadge';
import { TeamSyncBadge } from '../team/TeamSyncBadge';
import type { MessageKey } from '../i18n/catalogue';

export type Screen =
  'setup' | 'coach' | 'wrap-up' | 'log' | 'follow-ups' | 'practice' | 'team' | 'settings';
const SCREENS: { id: Screen; label: MessageKey }[] = [
  { id: 'coach', label: 'app.nav.coach' },
  { id: 'wrap-up', label: 'app.nav.wrap-up' },
  { id: 'log', label: 'app.nav.log' },
  { id: 'follow-ups', label: 'app.nav.follow-ups' },
  { id: 'practice', label: 'app.nav.practice' },
  { id: 'team', label: 'app.nav.team' },
  { id: 'settings', label: 'app.nav.settings' },
];

interface Props {
  screen: Screen;
  onScreen(screen: Screen): void;
  /** The live call's session, when a call is live (the badge and its clock). */
  liveSession: MutableRefObject<CoachSession | null> | null;
  wrapUpsOpen: number;
  followUpsDue: number;
  onExport(): void;
}

/** The app's header: its name, the live call's badge, the screens and Export…, the team store's state. */
export function AppHeader({
  screen,
  onScreen,
  liveSession,
  wrapUpsOpen,
  followUpsDue,
  onExport,
}: Props) {
  const intl = useIntl();
  return (
    <header className="app-header">
      <h1>Calm Line</h1>
      {liveSession && (
        <LiveCallBadge
          sessionRef={liveSession}
          onCoach={screen === 'coach'}
          onBack={() => onScreen('coach')}
        />
      )}
      <nav className="nav" aria-label={intl.formatMessage({ id: 'app.nav.label' })}>
        {SCREENS.map((s) => (
          <button
            key={s.id}
            aria-current={screen === s.id ? 'page' : undefined}
            onClick={() => onScreen(s.id)}
            data-testid={`nav-${s.id}`}
          >
            <FormattedMessage id={s.label} />
            {s.id === 'wrap-up' && wrapUpsOpen > 0 && (
              <span
                className="nav-badge"
                data-testid="wrap-up-badge"
                aria-label={intl.formatMessage(
                  { id: 'app.nav.wrap-ups-open' },
                  { count: wrapUpsOpen },
                )}
              >
                {wrapUpsOpen === 1 ? '•' : intl.formatNumber(wrapUpsOpen)}
              </span>
            )}
            {s.id === 'follow-ups' && followUpsDue > 0 && (
              <span
                className="nav-badge"
                data-testid="follow-ups-badge"
                aria-label={intl.formatMessage(
                  { id: 'app.nav.follow-ups-due' },
                  { count: followUpsDue },
                )}
              >
                {intl.formatNumber(followUpsDue)}
              </span>
            )}
          </button>
        ))}
        <button type="button" onClick={onExport} aria-haspopup="dialog" data-testid="nav-export">
          <FormattedMessage id="app.nav.export" />
        </button>
      </nav>
      <TeamSyncBadge />
    </header>
  );
}
