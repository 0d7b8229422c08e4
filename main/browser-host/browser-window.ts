/**
 * When `npm run start:browser` opens a window and when it stops with it. Pure: the launcher passes in the
 * environment and the browser's exit, and gets back what to do.
 *
 * A browser that cannot show a window (no display, run as root without --no-sandbox, a broken install)
 * exits within a fraction of a second; a user who closes the app window has had it open for longer. Between
 * the two, the costs are lopsided: stopping by mistake leaves the user with nothing to open, serving on by
 * mistake costs one Ctrl+C. So any exit within EARLY_EXIT_MS keeps the host serving and prints the link.
 */

/** Chromium without a display exits in ~0.15 s here, ~1 s on a busy two-core machine; 10 s leaves room. */
export const EARLY_EXIT_MS = 10_000;

/**
 * Whether a browser window can appear. Linux and the other X11/Wayland systems need DISPLAY or
 * WAYLAND_DISPLAY (a server, an SSH session, a CI box have neither); macOS and Windows always have a desktop.
 */
export function hasGraphicalDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}

export interface BrowserExit {
  /** The executable's file name, e.g. `chromium`. */
  readonly name: string;
  readonly sinceLaunchMs: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when it could not be started at all (spawn's `error` event). */
  readonly spawnError?: string;
}

export type BrowserExitDecision =
  | { readonly stopHost: true; readonly line: string }
  | { readonly stopHost: false; readonly line: string };

export function decideOnBrowserExit(exit: BrowserExit): BrowserExitDecision {
  if (exit.spawnError !== undefined) {
    return {
      stopHost: false,
      line: `Could not start ${exit.name} (${exit.spawnError}); open the link below instead.`,
    };
  }
  if (exit.sinceLaunchMs >= EARLY_EXIT_MS)
    return { stopHost: true, line: 'Browser window closed; stopping.' };
  const seconds = (exit.sinceLaunchMs / 1000).toFixed(1);
  if (exit.signal !== null || (exit.code !== null && exit.code !== 0)) {
    const how = exit.signal !== null ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    return {
      stopHost: false,
      line: `${exit.name} exited ${seconds} s after launch with an error (${how}); open the link below instead.`,
    };
  }
  // Exit 0 at once: Chromium passes the window to an instance already running on the same profile.
  return {
    stopHost: false,
    line: `${exit.name} exited ${seconds} s after launch (it may have passed the window to one already open); the link is below.`,
  };
}
