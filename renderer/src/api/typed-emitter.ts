/**
 * The renderer's one listener list: a small emitter typed by an event map (name → payload), for the
 * controllers' "state changed" (what useSyncExternalStore subscribes to) and the browser host's events.
 *
 * - Every `on` is its own subscription: the same function subscribed twice hears each event twice, and
 *   each unsubscribe (idempotent) removes only its own.
 * - An emit reaches the listeners subscribed when it began: one added by a listener waits for the next
 *   emit; one removed by a listener before its turn is not called.
 * - A listener that throws does not keep the others from hearing the event; the first error is thrown
 *   again once all have run.
 */
import type { Unsubscribe } from '../../../preload/contract/ipc-contract';

/** An event with no payload is emitted with none: `emit('change')`. */
type PayloadArgs<P> = [P] extends [void] ? [] : [payload: P];

export interface TypedEmitter<Events extends object> {
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  emit<E extends keyof Events>(event: E, ...payload: PayloadArgs<Events[E]>): void;
  /** Subscriptions to one event, or to all events. */
  listenerCount(event?: keyof Events): number;
}

interface Subscription {
  readonly listener: (payload: unknown) => void;
}

export function createTypedEmitter<Events extends object>(): TypedEmitter<Events> {
  const subscriptions = new Map<keyof Events, Set<Subscription>>();
  return {
    on(event, listener) {
      const entry: Subscription = { listener: listener as (payload: unknown) => void };
      const set = subscriptions.get(event) ?? new Set<Subscription>();
      set.add(entry);
      subscriptions.set(event, set);
      return () => {
        set.delete(entry);
        if (set.size === 0 && subscriptions.get(event) === set) subscriptions.delete(event);
      };
    },
    emit(event, ...payload) {
      const set = subscriptions.get(event);
      if (set === undefined) return;
      let failure: { error: unknown } | undefined;
      for (const entry of [...set]) {
        if (!set.has(entry)) continue;
        try {
          entry.listener(payload[0]);
        } catch (error) {
          failure ??= { error };
        }
      }
      if (failure) throw failure.error;
    },
    listenerCount(event) {
      if (event !== undefined) return subscriptions.get(event)?.size ?? 0;
      let count = 0;
      for (const set of subscriptions.values()) count += set.size;
      return count;
    },
  };
}
