import { useCallback, useEffect, useState } from 'react';
import { hostApi, type AppInfo, type Settings, type SettingsPatch } from '../api/host-api';
import { useHostEvent } from '../api/use-host-event';
import type { HostFailure } from '../api/host-failure-text';
import { applySettingsPatch } from '../../../preload/contract/settings-patch';

/**
 * Settings and app info from the host, kept current by the host's `settings-changed` event. This hook runs
 * above the language provider (the language is a setting): failures stay the host's data, worded where
 * they are shown (host-failure-text.ts).
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<HostFailure | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([hostApi.getSettings(), hostApi.getAppInfo()]).then(([s, info]) => {
      if (!live) return;
      if (s.ok) setSettings(s.value);
      else setError(s);
      if (info.ok) setAppInfo(info.value);
    });
    return () => {
      live = false;
    };
  }, []);

  useHostEvent('settings-changed', setSettings);

  /**
   * Applies a change: shown at once (a checkbox must not flick back while the host saves), then replaced
   * by what the host saved — or, if it refused, by what it has. Resolves to the host's failure, or null.
   */
  const update = useCallback(async (patch: SettingsPatch): Promise<HostFailure | null> => {
    setSettings((current) => (current ? applySettingsPatch(current, patch) : current));
    const result = await hostApi.updateSettings(patch);
    if (result.ok) {
      setSettings(result.value);
      return null;
    }
    const saved = await hostApi.getSettings();
    if (saved.ok) setSettings(saved.value);
    return result;
  }, []);

  const reset = useCallback(async () => {
    const result = await hostApi.resetSettings();
    if (result.ok) setSettings(result.value);
    return result.ok ? null : result;
  }, []);

  return { settings, appInfo, error, update, reset };
}
