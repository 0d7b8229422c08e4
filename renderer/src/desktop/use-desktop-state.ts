import { useEffect, useState } from 'react';
import type { DesktopState } from '../../../preload/contract/desktop-contract';
import { hostApi } from '../api/host-api';
import { useHostEvent } from '../api/use-host-event';

/** The host's desktop state (each global shortcut's fate, start at login), kept current by its event. */
export function useDesktopState(): DesktopState | null {
  const [state, setState] = useState<DesktopState | null>(null);
  useEffect(() => {
    let live = true;
    void hostApi.getDesktopState().then((result) => {
      if (live && result.ok) setState(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  useHostEvent('desktop-state-changed', setState);
  return state;
}
