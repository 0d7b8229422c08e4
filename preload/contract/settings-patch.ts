/** Applying a validated partial update to the current settings (pure; the result is validated after). */
import type { Settings } from './settings-schema';
import type { RequestOf } from './ipc-contract';

export type ValidSettingsPatch = RequestOf<'updateSettings'>;

/**
 * Every section in the patch is merged field by field over the current one (so a section added to the
 * schema later is applied without touching this function); a plain value replaces. The calibration table
 * is the exception: a number sets one device, null removes it, other devices stay.
 */
export function applySettingsPatch(current: Settings, patch: ValidSettingsPatch): Settings {
  const next = structuredClone(current) as Record<string, unknown> & Settings;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === 'agentNormalLufs') continue;
    next[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { ...(next[key] as object), ...value }
        : value;
  }
  for (const [deviceKey, lufs] of Object.entries(patch.agentNormalLufs ?? {})) {
    if (lufs === null) delete next.agentNormalLufs[deviceKey];
    else next.agentNormalLufs[deviceKey] = lufs;
  }
  return next;
}
