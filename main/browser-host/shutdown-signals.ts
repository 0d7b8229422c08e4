/**
 * Ctrl+C / SIGTERM handling for the browser host: runs the shutdown steps once, in order, then exits.
 * A second Ctrl+C while shutting down exits at once.
 */
export type ShutdownStep = () => Promise<void> | void;

export function onShutdownSignals(steps: readonly ShutdownStep[], log: (message: string) => void = console.log): void {
  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (shuttingDown) {
      log(`${signal} again: exiting now.`);
      process.exit(130);
    }
    shuttingDown = true;
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
