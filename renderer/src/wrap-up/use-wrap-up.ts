/**
 * The wrap-up for the app: one WrapUpController (wrap-up-controller.ts) per page over the host, its state
 * rendered, and nothing typed lost when the window closes or reloads.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { hostApi, type Settings } from '../api/host-api';
import {
  createWrapUpController,
  type WrapUpController,
  type WrapUpState,
} from './wrap-up-controller';

export type UseWrapUp = WrapUpState &
  Pick<WrapUpController, 'dispatch' | 'begin' | 'save' | 'discard' | 'flush'>;

export function useWrapUp(settings: Settings | null): UseWrapUp {
  const settingsRef = useRef(settings);
  useLayoutEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const [controller] = useState(() =>
    createWrapUpController({ host: hostApi, settings: () => settingsRef.current }),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  useEffect(() => {
    void controller.load();
    const flushNow = () => void controller.flush();
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
    };
  }, [controller]);

  return {
    ...state,
    dispatch: controller.dispatch,
    begin: controller.begin,
    save: controller.save,
    discard: controller.discard,
    flush: controller.flush,
  };
}
