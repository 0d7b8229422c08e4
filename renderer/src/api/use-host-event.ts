import { useEffect, useRef } from 'react';
import { hostApi, type HostEventName, type HostEvents } from './host-api';

/** Subscribes to a host event for the component's lifetime; the newest listener is always called. */
export function useHostEvent<E extends HostEventName>(
  event: E,
  listener: (payload: HostEvents[E]) => void,
): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => hostApi.on(event, (payload) => ref.current(payload)), [event]);
}
