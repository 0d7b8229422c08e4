/**
 * The persistence the session repository and the draft store write through: one JSON file per store,
 * validated against a JSON schema and replaced atomically on every write. conf (browser host, tests)
 * and electron-store (Electron, which is conf plus Electron's paths) both satisfy `JsonStore`.
 */
import Conf, { type Schema } from 'conf';
import { z } from 'zod';

export interface JsonStore<T> {
  /** Absolute path of the JSON file. */
  readonly path: string;
  /** Reading parses and validates the file; assigning validates, then writes it atomically (fsync). */
  store: T;
}

export interface JsonStoreOptions {
  /** Folder of the file. */
  readonly cwd: string;
  /** File name without `.json`. */
  readonly name: string;
  /** JSON schema per top-level property (conf's `schema` option). */
  readonly schema: Record<string, unknown>;
}

export type JsonStoreFactory = <T extends Record<string, unknown>>(
  options: JsonStoreOptions,
) => JsonStore<T>;

/** The options conf and electron-store share. Files are compact JSON (a whole partition is rewritten per save). */
export function jsonStoreEngineOptions<T>(options: JsonStoreOptions) {
  return {
    // The schema comes from zod (jsonSchemaProperties); conf's type for it cannot follow T.
    schema: options.schema as Schema<T>,
    cwd: options.cwd,
    accessPropertiesByDotNotation: false,
    // A bad file is moved aside before a store opens it (store-problems.ts), never silently emptied.
    clearInvalidConfig: false,
    watch: false,
    serialize: (value: unknown) => JSON.stringify(value),
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
