/**
 * The persistence a SettingsService needs. conf and electron-store (which is conf plus Electron's
 * paths) both satisfy it structurally; tests use real conf on a temp folder.
 */
import type { Settings } from '../../preload/contract/settings-schema';

export interface SettingsStore {
  /** Absolute path of the JSON file. */
  readonly path: string;
  /** Reading parses the file; assigning validates against the JSON schema and writes atomically. */
  store: Settings;
  /** Called after the stored object changes; returns an unsubscribe. */
  onDidAnyChange(callback: (newValue: Readonly<Settings>) => void): () => void;
}
