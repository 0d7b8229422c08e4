/**
 * The options conf (browser host) and electron-store (Electron) share, so both hosts read and write the
 * same `settings.json` in the same data folder with the same schema.
 */
import {
  DEFAULT_SETTINGS,
  settingsJsonSchemaProperties,
  type Settings,
} from '../../preload/contract/settings-schema';

/** File name without extension; the file is `<data folder>/settings.json`. */
export const SETTINGS_FILE_BASENAME = 'settings';

export function settingsStoreOptions() {
  return {
    schema: settingsJsonSchemaProperties(),
    defaults: structuredClone(DEFAULT_SETTINGS) as Settings,
    // Only whole-store reads and writes are used; device keys may contain dots.
    accessPropertiesByDotNotation: false,
    // A broken file is repaired (see settings-file.ts) before the store opens, never silently emptied.
    clearInvalidConfig: false,
    watch: false,
  } as const;
}
