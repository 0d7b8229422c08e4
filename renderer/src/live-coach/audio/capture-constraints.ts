/**
 * getUserMedia constraints for Calm Line's sources. Chromium merges and processes the channels unless
 * echo cancellation, noise suppression and auto gain are all off, so every request turns them off.
 */
export const UNPROCESSED_AUDIO: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
};

export function stereoConstraints(deviceId: string | null): MediaStreamConstraints {
  return {
    audio: {
      ...UNPROCESSED_AUDIO,
      channelCount: { ideal: 2 },
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    },
    video: false,
  };
}

export function monoConstraints(deviceId: string | null): MediaStreamConstraints {
  return {
    audio: {
      ...UNPROCESSED_AUDIO,
      channelCount: { ideal: 1 },
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    },
    video: false,
  };
}
