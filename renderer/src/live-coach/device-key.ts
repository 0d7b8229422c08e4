import type { AudioSettings } from '../../../preload/contract/settings-schema';

/** Which device the agent's voice comes from: the key of its normal-voice calibration. */
export function agentDeviceKey(audio: AudioSettings): string {
  if (audio.mode === 'stereo-split')
    return `stereo:${audio.stereoDeviceId ?? 'default'}:${audio.agentSide}`;
  return `mic:${audio.micDeviceId ?? 'default'}`;
}
