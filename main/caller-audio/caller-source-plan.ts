/**
 * The caller's audio as a source Chromium offers: Chromium lists PulseAudio/PipeWire inputs but leaves out
 * every sink's monitor, so the softphone's output cannot be picked as it is. A module-remap-source whose
 * master is that monitor is an ordinary source with its own name; Calm Line takes it as the caller's side
 * ("Two devices"). Pure: what to ask pactl, decided from what pactl said.
 *
 * Calm Line's source is recognised by its source_name alone, so `setup` twice keeps one module and
 * `teardown` unloads exactly those modules, whatever their index.
 */
import { moduleArg, type LoadedModule } from './pactl-output';

export const CALLER_SOURCE_NAME = 'calm_line_caller';
/** The label Chromium shows for the source (PulseAudio's device.description). */
export const CALLER_SOURCE_LABEL = 'Calm Line caller audio';
const REMAP_MODULE = 'module-remap-source';

export const monitorOf = (sink: string): string => `${sink}.monitor`;

/**
 * `pactl load-module …` arguments for the remap source on `sink`'s monitor. The properties are quoted
 * twice (outer ', inner "): PulseAudio 16 refuses `device.description="A B"` unquoted ("Failed to parse
 * module arguments"); pipewire-pulse's parser takes both forms.
 */
export function remapLoadArgs(sink: string): string[] {
  return [
    'load-module',
    REMAP_MODULE,
    `master=${monitorOf(sink)}`,
    `source_name=${CALLER_SOURCE_NAME}`,
    `source_properties='device.description="${CALLER_SOURCE_LABEL}"'`,
  ];
}

/** The modules `setup` made (a remap source named calm_line_caller), lowest index first. */
export function callerSourceModules(modules: readonly LoadedModule[]): LoadedModule[] {
  return modules
    .filter(
      (m) => m.name === REMAP_MODULE && moduleArg(m.args, 'source_name') === CALLER_SOURCE_NAME,
    )
    .sort((a, b) => a.index - b.index);
}

export type SetupPlan =
  | {
      readonly kind: 'keep';
      readonly module: LoadedModule;
      readonly sink: string;
      readonly unload: readonly number[];
    }
  | { readonly kind: 'load'; readonly sink: string; readonly unload: readonly number[] }
  | { readonly kind: 'refuse'; readonly reason: string };

export interface SetupState {
  readonly modules: readonly LoadedModule[];
  readonly sinks: readonly string[];
  readonly defaultSink: string | null;
  /** The output the user named (--sink); else the default output. */
  readonly requestedSink?: string;
}

/**
 * Keep a source that already copies the right output (unloading any duplicate); otherwise load one,
 * unloading ours that copy another output (the default output changed since the last setup).
 */
export function planSetup(state: SetupState): SetupPlan {
  const sink = state.requestedSink ?? state.defaultSink;
  if (sink === null)
    return { kind: 'refuse', reason: 'The sound server has no default output (no sink).' };
  if (!state.sinks.includes(sink))
    return {
      kind: 'refuse',
      reason: `There is no output named "${sink}" (outputs: ${state.sinks.join(', ') || 'none'}).`,
    };
  const ours = callerSourceModules(state.modules);
  const matching = ours.find((m) => moduleArg(m.args, 'master') === monitorOf(sink));
  if (matching)
    return {
      kind: 'keep',
      module: matching,
      sink,
      unload: ours.filter((m) => m !== matching).map((m) => m.index),
    };
  return { kind: 'load', sink, unload: ours.map((m) => m.index) };
}
