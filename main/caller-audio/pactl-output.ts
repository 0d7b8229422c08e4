/**
 * What Calm Line reads from `pactl` (PulseAudio's, or PipeWire's through pipewire-pulse). Pure: text in,
 * plain shapes out. pactl is always run with LC_ALL=C, so the labels are the English ones; short listings
 * are tab-separated.
 */

export interface ServerInfo {
  /** The sound server's name ("pulseaudio", or "PulseAudio (on PipeWire 1.0.5)"). */
  readonly serverName: string | null;
  /** The output new sounds go to; null when the server has none. */
  readonly defaultSink: string | null;
  readonly defaultSource: string | null;
}

export interface LoadedModule {
  readonly index: number;
  readonly name: string;
  /** The module's arguments as the server keeps them. */
  readonly args: string;
}

/** A "Label: value" line of `pactl info`; a missing or "(null)" value is null. */
function infoValue(text: string, label: string): string | null {
  const line = text.split('\n').find((l) => l.startsWith(`${label}:`));
  const value = line?.slice(label.length + 1).trim() ?? '';
  return value === '' || value === '(null)' || value === '@DEFAULT_SINK@' ? null : value;
}

/** `pactl info`. */
export function parseServerInfo(text: string): ServerInfo {
  return {
    serverName: infoValue(text, 'Server Name'),
    defaultSink: infoValue(text, 'Default Sink'),
    defaultSource: infoValue(text, 'Default Source'),
  };
}

/** `pactl list short modules`: index, name, arguments (may be empty). */
export function parseShortModules(text: string): LoadedModule[] {
  const modules: LoadedModule[] = [];
  for (const line of text.split('\n')) {
    const [index, name, args = ''] = line.split('\t');
    if (!/^\d+$/.test(index ?? '') || !name) continue;
    modules.push({ index: Number(index), name, args: args.trim() });
  }
  return modules;
}

/** `pactl list short sources` or `… sinks`: the names, in the server's order. */
export function parseShortNames(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols) => /^\d+$/.test(cols[0] ?? '') && cols[1])
    .map((cols) => cols[1]);
}

/**
 * One argument of a module's argument string (`master=x.monitor source_name=y …`), unquoted; values may
 * be quoted with ' or " as the server's own parser allows. Null when absent.
 */
export function moduleArg(args: string, key: string): string | null {
  const pattern = /([\w.-]+)=('([^']*)'|"([^"]*)"|(\S*))/g;
  for (let m = pattern.exec(args); m; m = pattern.exec(args))
    if (m[1] === key) return m[3] ?? m[4] ?? m[5] ?? '';
  return null;
}
