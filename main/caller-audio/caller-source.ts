/**
 * `setup` and `teardown` of the caller's source against the running sound server, through an injected
 * pactl (systemPactl in the command, the same against a private server in the tests). Each step reads the
 * server's state first, so running either twice changes nothing the second time.
 */
import {
  CALLER_SOURCE_NAME,
  callerSourceModules,
  planSetup,
  remapLoadArgs,
} from './caller-source-plan';
import { PactlError, pactlComplaint, pactlOk, type Pactl } from './pactl';
import {
  parseServerInfo,
  parseShortModules,
  parseShortNames,
  type ServerInfo,
} from './pactl-output';

export interface SetupOutcome {
  /** False when the source was already there for this output. */
  readonly created: boolean;
  readonly moduleIndex: number;
  /** The output whose sound the source copies. */
  readonly sink: string;
  /** Modules of ours unloaded on the way (a source on another output, duplicates). */
  readonly unloaded: readonly number[];
  /** The server made the new source its default input; setup gave that role back to this one. */
  readonly restoredDefaultSource: string | null;
  readonly serverName: string | null;
}

export interface TeardownOutcome {
  readonly unloaded: readonly number[];
}

/** `pactl info`, or one sentence saying that no sound server answers. */
async function serverInfo(pactl: Pactl): Promise<ServerInfo> {
  const r = await pactl(['info']);
  if (r.code !== 0)
    throw new PactlError(
      `No PulseAudio or PipeWire sound server answers (pactl: ${pactlComplaint(r)}). Start your desktop session's sound server, or set PULSE_SERVER, and try again.`,
    );
  return parseServerInfo(r.stdout);
}

async function unloadAll(pactl: Pactl, indices: readonly number[]): Promise<void> {
  for (const index of indices) await pactlOk(pactl, ['unload-module', String(index)]);
}

export async function setupCallerSource(
  pactl: Pactl,
  options: { sink?: string } = {},
): Promise<SetupOutcome> {
  const info = await serverInfo(pactl);
  const plan = planSetup({
    modules: parseShortModules(await pactlOk(pactl, ['list', 'short', 'modules'])),
    sinks: parseShortNames(await pactlOk(pactl, ['list', 'short', 'sinks'])),
    defaultSink: info.defaultSink,
    requestedSink: options.sink,
  });
  if (plan.kind === 'refuse') throw new PactlError(plan.reason);
  await unloadAll(pactl, plan.unload);
  if (plan.kind === 'keep')
    return {
      created: false,
      moduleIndex: plan.module.index,
      sink: plan.sink,
      unloaded: plan.unload,
      restoredDefaultSource: null,
      serverName: info.serverName,
    };
  const index = Number((await pactlOk(pactl, remapLoadArgs(plan.sink))).trim());
  if (!Number.isInteger(index)) throw new PactlError('pactl load-module gave no module index.');
  // PulseAudio makes a new source the default input when the only other inputs are monitors (or by its
  // priorities); the agent's microphone must stay what other programs record from.
  let restoredDefaultSource: string | null = null;
  const after = await serverInfo(pactl);
  if (
    after.defaultSource === CALLER_SOURCE_NAME &&
    info.defaultSource &&
    info.defaultSource !== CALLER_SOURCE_NAME
  ) {
    await pactlOk(pactl, ['set-default-source', info.defaultSource]);
    restoredDefaultSource = info.defaultSource;
  }
  return {
    created: true,
    moduleIndex: index,
    sink: plan.sink,
    unloaded: plan.unload,
    restoredDefaultSource,
    serverName: info.serverName,
  };
}

export async function teardownCallerSource(pactl: Pactl): Promise<TeardownOutcome> {
  await serverInfo(pactl);
  const ours = callerSourceModules(
    parseShortModules(await pactlOk(pactl, ['list', 'short', 'modules'])),
  );
  const unloaded = ours.map((m) => m.index);
  await unloadAll(pactl, unloaded);
  return { unloaded };
}
