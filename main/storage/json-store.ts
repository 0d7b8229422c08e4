/**
 * The one persistence every store writes through (settings, the session log's partitions, drafts): one
 * JSON file per store, validated against a JSON schema and replaced atomically on every write. conf
 * (browser host, CLIs, tests) and electron-store (Electron: conf plus Electron's paths,
 * main/shell/electron-json-store.ts) both make a `JsonStore` from the same options.
 */
import Conf, { type Schema } from 'conf';
import { z } from 'zod';

export interface JsonStore<T> {
  /** Absolute path of the JSON file. */
  readonly path: string;
  /** Reading parses and validates the file; assigning validates, then writes it atomically (fsync). */
  store: T;
  /** Called after the stored object changes; returns an unsubscribe. */
  onDidAnyChange(callback: (newValue?: Readonly<T>) => void): () => void;
}

export interface JsonStoreOptions {
  /** Folder of the file. */
  readonly cwd: string;
  /** File name without `.json`. */
  readonly name: string;
  /** JSON schema per top-level property (conf's `schema` option). */
  readonly schema: Record<string, unknown>;
  /** What a missing file reads as. */
  readonly defaults?: Record<string, unknown>;
  /** Indented JSON for a file people may open (settings); default compact (a partition is rewritten per save). */
  readonly indented?: boolean;
}

export type JsonStoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions,
) => JsonStore<T>;

/** The options conf and electron-store share. */
export function jsonStoreEngineOptions<T>(options: JsonStoreOptions) {
  return {
    // The schema comes from zod (jsonSchemaProperties); conf's type for it cannot follow T.
    schema: options.schema as Schema<T>,
    ...(options.defaults ? { defaults: structuredClone(options.defaults) as T } : {}),
    cwd: options.cwd,
    // Only whole-store reads and writes are used; keys (device ids) may contain dots.
    accessPropertiesByDotNotation: false,
    // A bad file is moved aside or repaired before a store opens it (store-problems.ts,
    // settings-file.ts), never silently emptied.
    clearInvalidConfig: false,
    watch: false,
    ...(options.indented ? {} : { serialize: (value: unknown) => JSON.stringify(value) }),
  } as const;
}

export const openConfJsonStore: JsonStoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions,
) =>
  new Conf<T>({ ...jsonStoreEngineOptions<T>(options), configName: options.name }) as JsonStore<T>;

/** A zod schema's properties as JSON schemas, in the form conf's `schema` option takes. */
export function jsonSchemaProperties(schema: z.ZodObject): Record<string, unknown> {
  const root = z.toJSONSchema(schema, { target: 'draft-07', unrepresentable: 'any' }) as {
    properties: Record<string, unknown>;
  };
  return root.properties;
}
