/**
 * Makes the settings file valid before a store opens it (conf refuses to open a file that breaks its
 * schema, and would empty one that is not JSON). Values still valid are kept; the original file is kept
 * beside it as `settings.json.bak-<time>` so nothing the user wrote is lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { StorageNotice } from '../../preload/contract/storage-notice';
import { writeFileAtomic } from '../storage/atomic-write';
import { repairSettings } from './settings-repair';

export interface SettingsFileCheck {
  /** 'missing': no file yet; 'valid': untouched; 'repaired': rewritten with defaults where needed. */
  readonly status: 'missing' | 'valid' | 'repaired';
  readonly replaced: readonly string[];
  readonly backupPath?: string;
}

/** The page's notice when the file had to be repaired (the log's line as its `message`); undefined otherwise. */
export function settingsNoticeOf(check: SettingsFileCheck): StorageNotice | undefined {
  const message = describeSettingsFileCheck(check);
  if (message === undefined || check.backupPath === undefined) return undefined;
  return {
    kind: 'settings-repaired',
    replaced: check.replaced.filter(Boolean),
    unknownOnly: check.replaced.length === 0,
    backupPath: check.backupPath,
    message,
  };
}

/** A line for the log when the file had to be repaired; undefined otherwise. */
export function describeSettingsFileCheck(check: SettingsFileCheck): string | undefined {
  if (check.status !== 'repaired') return undefined;
  if (check.replaced.length === 0) {
    // Only entries this version does not know (a newer Calm Line wrote them): every value was kept.
    return `Settings file had entries this version of Calm Line does not know (written by a newer version?); they were left out, every other value was kept, the original is at ${check.backupPath}`;
  }
  const what = check.replaced.filter(Boolean).join(', ') || 'the whole file';
  return `Settings file had invalid values (${what}); they are back to defaults, the original is at ${check.backupPath}`;
}

export function prepareSettingsFile(filePath: string, now: Date = new Date()): SettingsFileCheck {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { status: 'missing', replaced: [] };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const { settings, replaced } = repairSettings(raw);
  if (replaced.length === 0 && isDeepStrictEqual(raw, settings))
    return { status: 'valid', replaced };

  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backupPath = path.join(path.dirname(filePath), `${path.basename(filePath)}.bak-${stamp}`);
  fs.copyFileSync(filePath, backupPath);
  writeFileAtomic(filePath, JSON.stringify(settings, undefined, '\t'));
  return { status: 'repaired', replaced, backupPath };
}
