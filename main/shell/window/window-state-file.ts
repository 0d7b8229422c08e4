/**
 * The remembered window placements on disk (window-state.json in the user-data folder). A missing,
 * unreadable or invalid file means "nothing remembered" — never an error at startup. Written atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../storage/atomic-write';
import {
  EMPTY_WINDOW_STATE,
  MAX_REMEMBERED_DISPLAYS,
  type WindowStateMemory,
} from './window-placement';

export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const placementSchema = z.strictObject({
  bounds: z.strictObject({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});
const fileSchema = z.strictObject({
  version: z.literal(1),
  lastDisplay: z.string().max(200).nullable(),
  displays: z
    .record(
      z.string().max(200),
      z.strictObject({ normal: placementSchema.optional(), compact: placementSchema.optional() }),
    )
    .refine((displays) => Object.keys(displays).length <= MAX_REMEMBERED_DISPLAYS),
});

export function readWindowState(userDataDir: string): WindowStateMemory {
  let text: string;
  try {
    text = fs.readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return EMPTY_WINDOW_STATE;
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return EMPTY_WINDOW_STATE;
    const displays: WindowStateMemory['displays'] = Object.fromEntries(
      Object.entries(parsed.data.displays),
    );
    return { lastDisplay: parsed.data.lastDisplay, displays };
  } catch {
    return EMPTY_WINDOW_STATE;
  }
}

export function writeWindowState(userDataDir: string, memory: WindowStateMemory): void {
  const file = path.join(userDataDir, WINDOW_STATE_FILE);
  // Where the window was is not worth a disk flush; the mode is the default for a new file, as before.
  writeFileAtomic(file, `${JSON.stringify({ version: 1, ...memory }, null, 2)}\n`, {
    fsync: false,
    mode: 0o666,
  });
}
