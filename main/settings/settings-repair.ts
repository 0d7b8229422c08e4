/**
 * Turns whatever is in a settings file into valid Settings, keeping every value that is still valid.
 * A hand-edited or older file with one bad field loses that field (back to its default), not the rest.
 */
import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  MAX_CALIBRATED_DEVICES,
  deviceKeySchema,
  lufsSchema,
  settingsSchema,
  type Settings,
  type SettingsSection,
} from '../../preload/contract/settings-schema';

export interface RepairOutcome {
  readonly settings: Settings;
  /** Dotted paths that were invalid or missing and got their default ('' when the whole input was unusable). */
  readonly replaced: readonly string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function repairCalibration(raw: unknown, replaced: string[]): Record<string, number> {
  const table: Record<string, number> = {};
  if (!isPlainObject(raw)) {
    replaced.push('agentNormalLufs');
    return table;
  }
  for (const [key, value] of Object.entries(raw)) {
    const valid = deviceKeySchema.safeParse(key).success && lufsSchema.safeParse(value).success;
    if (valid && Object.keys(table).length < MAX_CALIBRATED_DEVICES) table[key] = value as number;
    else replaced.push(`agentNormalLufs.${key}`);
  }
  return table;
}

function repairObjectSection(section: SettingsSection, raw: unknown, replaced: string[]): unknown {
  const schema = settingsSchema.shape[section];
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  const fallback = structuredClone(DEFAULT_SETTINGS[section]);
  if (!(schema instanceof z.ZodObject) || !isPlainObject(raw)) {
    replaced.push(section);
    return fallback;
  }
  const repaired: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parsed = fieldSchema.safeParse(raw[field]);
    if (parsed.success) repaired[field] = parsed.data;
    else {
      repaired[field] = (fallback as Record<string, unknown>)[field];
      replaced.push(`${section}.${field}`);
    }
  }
  // Rules across fields (e.g. two hotkeys on one key) can still fail: then the section goes back whole.
  const recheck = schema.safeParse(repaired);
  if (recheck.success) return recheck.data;
  replaced.push(section);
  return fallback;
}

export function repairSettings(raw: unknown): RepairOutcome {
  const replaced: string[] = [];
  if (!isPlainObject(raw)) {
    return { settings: structuredClone(DEFAULT_SETTINGS) as Settings, replaced: [''] };
  }
  const result: Record<string, unknown> = {};
  for (const section of Object.keys(DEFAULT_SETTINGS) as SettingsSection[]) {
    result[section] =
      section === 'agentNormalLufs'
        ? repairCalibration(raw[section] ?? {}, replaced)
        : repairObjectSection(section, raw[section], replaced);
  }
  return { settings: settingsSchema.parse(result), replaced };
}
