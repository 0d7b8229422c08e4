/**
 * The Practice screen for React: one PracticeController over the host's api and the practice worklet,
 * its state rendered. Loads the scenarios and the history when the screen opens.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Settings } from '../../../preload/contract/settings-schema';
import { hostApi } from '../api/host-api';
import { newId } from '../live-coach/finished-call';
import { openPracticeAudio } from './audio/practice-audio';
import { createPracticeController } from './practice-controller';
import { scenarioFromCallFile } from './scenario-from-call-file';

export function usePractice(settings: Settings | null) {
  const settingsRef = useRef(settings);
  useLayoutEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const [controller] = useState(() =>
    createPracticeController({
      api: hostApi,
      openAudio: (config, onState) => openPracticeAudio(config, { onState }),
      settings: () => settingsRef.current,
      newId,
      makeScenario: scenarioFromCallFile,
    }),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    void controller.load();
  }, [controller]);
  return { state, controller };
}
