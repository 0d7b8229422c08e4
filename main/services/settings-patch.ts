/** Applying a validated partial update to the current settings (pure; the result is validated after). */
import type { Settings } from '../../preload/settings-schema';
import type { RequestOf } from '../../preload/ipc-contract';

export type ValidSettingsPatch = RequestOf<'updateSettings'>;

export function applySettingsPatch(current: Settings, patch: ValidSettingsPatch): Settings {
  const next = structuredClone(current);
  if (patch.cue) next.cue = { ...next.cue, ...patch.cue };
  if (patch.audio) next.audio = { ...next.audio, ...patch.audio };
  if (patch.ui) next.ui = { ...next.ui, ...patch.ui };
  if (patch.hotkeys) next.hotkeys = { ...next.hotkeys, ...patch.hotkeys };
  if (patch.recording) next.recording = { ...next.recording, ...patch.recording };
  if (patch.autoStartOnCallerSpeech !== undefined) next.autoStartOnCallerSpeech = patch.autoStartOnCallerSpeech;
  if (patch.agentNormalLufs) {
    for (const [deviceKey, lufs] of Object.entries(patch.agentNormalLufs)) {
      if (lufs === null) delete next.agentNormalLufs[deviceKey];
      else next.agentNormalLufs[deviceKey] = lufs;
    }
  }
  return next;
}
