import { useEffect, useState } from 'react';

/** The audio inputs the system offers, refreshed whenever devices come and go. */
export function useAudioInputs(): MediaDeviceInfo[] {
  const [inputs, setInputs] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    const devices = navigator.mediaDevices;
    if (!devices?.enumerateDevices) return undefined;
    let live = true;
    const refresh = () =>
      void devices.enumerateDevices().then((all) => {
        if (live) setInputs(all.filter((d) => d.kind === 'audioinput' && d.deviceId !== ''));
      });
    refresh();
    devices.addEventListener('devicechange', refresh);
    return () => {
      live = false;
      devices.removeEventListener('devicechange', refresh);
    };
  }, []);
  return inputs;
}
