/** Forwards service changes to the UI as contract events, whatever carries them (IPC or WebSocket). */
import type { HostEventName, HostEvents } from '../../preload/contract/ipc-contract';
import type { HostServices } from './host-services';
import { storageNoticeOf } from '../storage/store-problems';

export type EmitHostEvent = <E extends HostEventName>(event: E, payload: HostEvents[E]) => void;

/** Subscribes to every service that has events; returns one function that unsubscribes them all. */
export function forwardServiceEvents(services: HostServices, emit: EmitHostEvent): () => void {
  const unsubscribers = [
    services.settings.onChange((settings) => emit('settings-changed', settings)),
    services.sessions?.followUps.onDue((sessions) => emit('follow-up-due', { sessions })) ??
      (() => {}),
    ...(services.exports
      ? [services.exports.onProgress((progress) => emit('export-progress', progress))]
      : []),
    ...(services.sessions
      ? [
          services.sessions.problems.onProblem((problem) =>
            emit('storage-notice', storageNoticeOf(problem)),
          ),
        ]
      : []),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
