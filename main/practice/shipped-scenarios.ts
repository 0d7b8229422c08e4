/**
 * The scenarios shipped with the app: the `.calmscenario` files of a read-only folder (assets/scenarios/
 * in the repository and for the browser host, `<resources>/scenarios` in a packaged app;
 * tests/tools/shipped-scenarios.ts makes them). Each is checked by the same strict decoder as an import,
 * once, when first listed; one that fails is left out and named to the log. A shipped scenario's id is
 * derived from its file name, so a rehearsal's history keeps pointing at it across versions and hosts.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  SCENARIO_FILE_EXTENSION,
  SCENARIO_MAX_BYTES,
  decodeScenario,
  type Scenario,
} from '../../renderer/engine/practice/scenario-file';

/** The folder's name beside the app's resources (electron-builder's extraResources) and under assets/. */
export const SHIPPED_SCENARIOS_FOLDER = 'scenarios';

export interface ShippedScenario {
  readonly id: string;
  readonly fileName: string;
  /** The caller's language, from the file name's last part (`ligne-en-panne-fr.calmscenario`: fr). */
  readonly language?: string;
  readonly scenario: Scenario;
  /** When the file was written (the list's "added" time). */
  readonly addedAt: string;
  readonly bytes: () => Uint8Array;
}

/** A UUID (version 5 layout) from the file's name: the same on every install. */
export function shippedScenarioId(fileName: string): string {
  const h = createHash('sha1').update(`calm-line shipped scenario/${fileName}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The language a shipped file names as its last dash-separated part (a BCP 47 tag), if any. */
export function languageOfFileName(fileName: string): string | undefined {
  const match = /-([a-z]{2,3}(?:-[A-Z]{2})?)\.calmscenario$/.exec(fileName);
  return match?.[1];
}

/** The folder's scenarios, by file name; none when there is no folder. */
export function readShippedScenarios(
  dir: string | undefined,
  log?: (message: string) => void,
): ShippedScenario[] {
  if (dir === undefined) return [];
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(SCENARIO_FILE_EXTENSION))
      .sort();
  } catch {
    log?.(`The scenarios shipped with Calm Line were not found in ${dir}.`);
    return [];
  }
  const out: ShippedScenario[] = [];
  for (const fileName of names) {
    const file = path.join(dir, fileName);
    try {
      const stat = fs.statSync(file);
      if (stat.size > SCENARIO_MAX_BYTES) throw new Error('the file is too large');
      const scenario = decodeScenario(fs.readFileSync(file));
      const language = languageOfFileName(fileName);
      out.push({
        id: shippedScenarioId(fileName),
        fileName,
        ...(language ? { language } : {}),
        scenario,
        addedAt: stat.mtime.toISOString(),
        bytes: () => fs.readFileSync(file),
      });
    } catch (error) {
      log?.(`The shipped scenario ${fileName} could not be read: ${(error as Error).message}`);
    }
  }
  return out;
}
