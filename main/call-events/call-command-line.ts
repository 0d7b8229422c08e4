/**
 * The command line Settings shows for the phone software's hooks: the program and the data folder, to
 * which the softphone appends the event and its variables (`start --ref %CASE%`). Quoted for the
 * platform's shell and for softphones that split arguments like one ("Calm Line" has a space).
 */
export function quoteArg(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[A-Za-z0-9_./:=@+-]+$/.test(arg)) return arg;
  if (platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `node /…/out/cli/call.js --data-dir '/…/Calm Line'` (browser host) or the packaged app with --call. */
export function callCommandLine(
  program: readonly string[],
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): string {
  return [...program, '--data-dir', dataDir].map((a) => quoteArg(a, platform)).join(' ');
}
