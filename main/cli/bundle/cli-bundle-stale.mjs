// @ts-check
/** Whether a command-line bundle must be rebuilt (run-cli.mjs before running it; the tests). */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CLI_OUT_DIR } from './cli-entries.mjs';

/**
 * True when out/cli/<name>.js is missing or older than one of its recorded inputs (or an input is gone).
 * @param {string} root
 * @param {string} name
 */
export function isCliBundleStale(root, name) {
  const outdir = path.join(root, CLI_OUT_DIR);
  let builtAt;
  /** @type {{ inputs: string[] }} */
  let record;
  try {
    builtAt = statSync(path.join(outdir, `${name}.js`)).mtimeMs;
    record = JSON.parse(readFileSync(path.join(outdir, `${name}.inputs.json`), 'utf8'));
  } catch {
    return true;
  }
  for (const input of record.inputs) {
    try {
      if (statSync(path.join(root, input)).mtimeMs > builtAt) return true;
    } catch {
      return true;
    }
  }
  return false;
}
