/**
 * Applies a partial settings update over a base: only known keys with finite numbers count, each clamped
 * into CUE_SETTING_LIMITS, so the engine never runs on a nonsense threshold whatever the caller sends.
 */
import { CUE_SETTING_LIMITS, DEFAULT_CUE_SETTINGS, type CueSettings } from './cue-settings';

export function mergeCueSettings(
  base: Readonly<CueSettings> = DEFAULT_CUE_SETTINGS,
  update: Partial<CueSettings> = {},
): CueSettings {
  const out: CueSettings = { ...base };
  for (const key of Object.keys(CUE_SETTING_LIMITS) as (keyof CueSettings)[]) {
    const v = update[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const { min, max } = CUE_SETTING_LIMITS[key];
    out[key] = Math.min(max, Math.max(min, v));
  }
  return out;
}
