import { useState, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { HotkeyRegistration } from '../../../preload/contract/desktop-contract';
import {
  hostApi,
  HOTKEY_ACTIONS,
  type AppInfo,
  type HotkeyAction,
  type Settings,
  type SettingsPatch,
} from '../api/host-api';
import { captureAccelerator, displayAccelerator } from './accelerator-from-key';
import { useDesktopState } from './use-desktop-state';
import type { MessageKey } from '../i18n/catalogue';
import { describeHostFailure } from '../api/host-failure-text';

interface Props {
  settings: Settings;
  appInfo: AppInfo | null;
  apply(patch: SettingsPatch): Promise<void>;
  say(message: string): void;
}

const ACTION_LABELS: Record<HotkeyAction, MessageKey> = {
  startCall: 'settings.hotkey.startCall',
  endCall: 'settings.hotkey.endCall',
  markMoment: 'settings.hotkey.markMoment',
  openWrapUp: 'settings.hotkey.openWrapUp',
};

function HotkeyRow(props: {
  action: HotkeyAction;
  accelerator: string;
  registration: HotkeyRegistration | undefined;
  platform: string | undefined;
  onChange(accelerator: string): void;
}) {
  const { action, accelerator, registration, platform, onChange } = props;
  const [recording, setRecording] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const taken = registration?.status === 'taken' && registration.accelerator === accelerator;
  const intl = useIntl();
  const label = intl.formatMessage({ id: ACTION_LABELS[action] });
  const shortcut = displayAccelerator(accelerator, platform);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    event.preventDefault();
    const capture = captureAccelerator(event, platform ?? '');
    if (capture.kind === 'pending') return;
    setRecording(false);
    if (capture.kind === 'invalid') setProblem(capture.reason);
    else setProblem(null);
    if (capture.kind === 'accelerator' && capture.accelerator !== accelerator)
      onChange(capture.accelerator);
    if (capture.kind === 'clear' && accelerator !== '') onChange('');
  };

  return (
    <li data-testid={`hotkey-row-${action}`}>
      <span style={{ flex: 1 }}>{label}</span>
      <button
        type="button"
        className={recording ? 'recording' : undefined}
        aria-label={intl.formatMessage(
          { id: 'settings.hotkey.name' },
          {
            action: label,
            shortcut: recording
              ? intl.formatMessage({ id: 'settings.hotkey.press-new' })
              : shortcut,
          },
        )}
        onClick={() => {
          setProblem(null);
          setRecording(!recording);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setRecording(false)}
        data-testid={`hotkey-${action}`}
      >
        {recording ? <FormattedMessage id="settings.hotkey.recording" /> : <kbd>{shortcut}</kbd>}
      </button>
      {taken && (
        <p className="notice" role="alert" data-testid={`hotkey-taken-${action}`}>
          <FormattedMessage id="settings.hotkey.taken" values={{ shortcut }} />
        </p>
      )}
      {problem && (
        <p className="notice" role="alert" data-testid={`hotkey-problem-${action}`}>
          {problem}
        </p>
      )}
    </li>
  );
}

/** The Desktop section of Settings: shortcuts, window modes and start at login, where the host has them. */
export function DesktopSettings({ settings, appInfo, apply, say }: Props) {
  const features = appInfo?.features;
  const desktop = useDesktopState();
  const platform = appInfo?.platform;
  const intl = useIntl();

  if (!features?.globalHotkeys && !features?.windowControls && !features?.startAtLogin) {
    return (
      <p className="muted" data-testid="desktop-only">
        <FormattedMessage id="settings.desktop.only" />
      </p>
    );
  }

  const setStartAtLogin = async (enabled: boolean) => {
    const result = await hostApi.setStartAtLogin({ enabled });
    say(
      result.ok
        ? intl.formatMessage({
            id: enabled ? 'settings.desktop.login-on' : 'settings.desktop.login-off',
          })
        : intl.formatMessage(
            { id: 'settings.desktop.not-changed' },
            { error: describeHostFailure(result, intl) },
          ),
    );
  };

  return (
    <>
      {features.globalHotkeys && (
        <ul className="plain" data-testid="hotkeys">
          {HOTKEY_ACTIONS.map((action) => (
            <HotkeyRow
              key={action}
              action={action}
              accelerator={settings.hotkeys[action]}
              registration={desktop?.hotkeys.find((h) => h.action === action)}
              platform={platform}
              onChange={(accelerator) => void apply({ hotkeys: { [action]: accelerator } })}
            />
          ))}
        </ul>
      )}
      {features.windowControls && (
        <>
          <label style={{ display: 'flex', gap: 6, marginTop: 8 }}>
            <input
              type="checkbox"
              checked={settings.ui.alwaysOnTop}
              onChange={(e) => void apply({ ui: { alwaysOnTop: e.target.checked } })}
              data-testid="always-on-top"
            />
            <FormattedMessage id="settings.desktop.on-top" />
          </label>
          <label style={{ display: 'flex', gap: 6 }}>
            <input
              type="checkbox"
              checked={settings.ui.compact}
              onChange={(e) => void apply({ ui: { compact: e.target.checked } })}
              data-testid="compact"
            />
            <FormattedMessage id="settings.desktop.compact" />
          </label>
        </>
      )}
      {features.startAtLogin && desktop !== null && desktop.startAtLogin !== null && (
        <label style={{ display: 'flex', gap: 6 }}>
          <input
            type="checkbox"
            checked={desktop.startAtLogin}
            onChange={(e) => void setStartAtLogin(e.target.checked)}
            data-testid="start-at-login"
          />
          <FormattedMessage id="settings.desktop.start-at-login" />
        </label>
      )}
    </>
  );
}
