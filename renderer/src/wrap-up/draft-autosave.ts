/**
 * Autosave for the wrap-up draft: every change schedules a save; saves are debounced (a burst of typing
 * is one write) and never overlap or reorder — only the newest draft is written, one save at a time.
 * `flush()` writes what is pending at once (step change, blur, page hide). Status changes are reported so
 * the editor can say "Saving…" / "Draft saved" / "Not saved".
 */
export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveOptions<T, E = string> {
  /** Writes one draft; resolves to why it was not written (a message or a failure), or null. Must not reject. */
  save(draft: T): Promise<E | null>;
  delayMs?: number;
  onStatus?(status: AutosaveStatus, error: E | null): void;
}

export interface DraftAutosaver<T> {
  schedule(draft: T): void;
  /** Starts writing the pending draft now; resolves when everything scheduled so far is written. */
  flush(): Promise<void>;
  /** Drops anything pending (the draft was saved as a session or discarded). */
  cancel(): void;
}

export function createDraftAutosaver<T, E = string>(
  options: AutosaveOptions<T, E>,
): DraftAutosaver<T> {
  const delay = options.delayMs ?? 300;
  let pending: { draft: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let generation = 0;

  const report = (status: AutosaveStatus, error: E | null = null) =>
    options.onStatus?.(status, error);

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const writeLoop = async (): Promise<void> => {
    while (pending) {
      const { draft } = pending;
      pending = null;
      const gen = generation;
      report('saving');
      const error = await options.save(draft);
      if (gen !== generation) return;
      if (error !== null) {
        report('error', error);
        continue;
      }
      if (!pending) report('saved');
    }
  };

  const start = (): Promise<void> => {
    clearTimer();
    if (inFlight) return inFlight.then(() => (pending ? start() : undefined));
    if (!pending) return Promise.resolve();
    inFlight = writeLoop().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    schedule(draft) {
      pending = { draft };
      report('pending');
      clearTimer();
      timer = setTimeout(() => void start(), delay);
    },
    flush() {
      return start();
    },
    cancel() {
      generation++;
      pending = null;
      clearTimer();
      report('idle');
    },
  };
}
