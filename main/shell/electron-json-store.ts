/** The Electron JsonStore factory: electron-store (conf with Electron's paths), same files and schema as conf. */
import ElectronStore from 'electron-store';
import {
  jsonStoreEngineOptions,
  type JsonStore,
  type JsonStoreFactory,
} from '../storage/json-store';

export const openElectronJsonStore: JsonStoreFactory = <T extends Record<string, unknown>>(
  options: Parameters<JsonStoreFactory>[0],
) =>
  new ElectronStore<T>({
    ...jsonStoreEngineOptions<T>(options),
    name: options.name,
  }) as JsonStore<T>;
