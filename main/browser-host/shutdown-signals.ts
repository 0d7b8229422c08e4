/**
 * Ctrl+C / SIGTERM handling for the browser host: runs the shutdown steps once, in order, then exits.
 * A second Ctrl+C while shutting down exits at once.
 */
export type ShutdownStep = () => Promise<void> | void;

/**
 * A launcher in between (npm, tsx) relays the terminal's Ctrl+C, so one key press can arrive twice within
 * milliseconds: only a signal this long after the first counts as "again".
 */
const SECOND_SIGNAL_AFTER_MS = 1000;

export function onShutdownSignals(
  steps: readonly ShutdownStep[],
  log: (message: string) => void = console.log,
): void {
  let shutdownAt: number | null = null;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (shutdownAt !== null) {
      if (Date.now() - shutdownAt < SECOND_SIGNAL_AFTER_MS) return; // the same Ctrl+C, relayed
      log(`${signal} again: exiting now.`);
      process.exit(130);
    }
    shutdownAt = Date.now();
    log(`${signal}: closing Calm Line…`);
    let failed = false;
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        failed = true;
        log(`Shutdown step failed: ${(error as Error)?.message ?? error}`);
      }
    }
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
}
