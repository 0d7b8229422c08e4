/**
 * Crash safety of the storage layer: a child process performs 1,000 session saves, edits and wrap-up draft
 * autosaves on a data folder and is killed with SIGKILL at random moments (restarted each time from the
 * first operation it had not acknowledged). After every kill, the folder is opened as the app opens it at
 * start, and: every acknowledged save is there, intact (the version acknowledged, or the one in flight);
 * every timeline saved with it is intact; the draft restored is the newest acknowledged one (or the one in
 * flight); no file in the folder is unreadable and nothing was moved aside as corrupt.
 *
 * RELIABILITY_SEED=<n> picks other kill moments and another workload; failures print it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionServices } from '../../main/host/session-services';
import { isTempFileName } from '../../main/storage/atomic-write';
import { PROJECT_ROOT, scratchDir, seededRandom } from '../support/test-audio';
import { crashWorkload, expectedAfter } from './crash-workload';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20260701) >>> 0;
const OPERATIONS = 1000;
const CHILD = path.join(PROJECT_ROOT, 'tests/reliability/crash-child.ts');
let childBundle = '';

interface ChildRun {
  lastAck: number;
  finished: boolean;
  killed: boolean;
  stderr: string;
}

/** When to kill a run: `afterAcks` acknowledgements (0: after it is ready), then `delayMs` more. */
interface KillPlan {
  afterAcks: number;
  delayMs: number;
}

/** Runs the child from `start` and kills it as planned (it may finish first). */
function runChild(dataDir: string, start: number, kill: KillPlan): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    // One node process running the bundled child (the tsx CLI would leave its node child running after a SIGKILL).
    const child = spawn(
      process.execPath,
      [childBundle, dataDir, String(SEED), String(OPERATIONS), String(start)],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let lastAck = start - 1;
    let acks = 0;
    let finished = false;
    let killed = false;
    let armed = false;
    let stderr = '';
    let partial = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, kill.delayMs);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && kill.afterAcks === 0) arm();
        else if (line.startsWith('ack ')) {
          lastAck = Number(line.slice(4));
          if (++acks >= kill.afterAcks && kill.afterAcks > 0) arm();
        } else if (line === 'done') finished = true;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(guard);
      resolve({ lastAck, finished, killed, stderr });
    });
  });
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Opens the folder as the app does at start and checks it against what was acknowledged. */
async function checkFolder(
  dataDir: string,
  ops: ReturnType<typeof crashWorkload>,
  acked: number,
): Promise<string[]> {
  const problems: string[] = [];
  const expected = expectedAfter(ops, acked);
  // No file the app reads is unreadable (temp files of an interrupted write are never read).
  for (const file of filesUnder(dataDir)) {
    const name = path.basename(file);
    if (isTempFileName(name)) continue;
    if (name.includes('.corrupt-')) problems.push(`moved aside: ${file}`);
    try {
      JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`unreadable: ${path.relative(dataDir, file)}: ${(error as Error).message}`);
    }
  }
  const warnings: string[] = [];
  const services = openSessionServices({ dataDir, warn: (m) => warnings.push(m) });
  const { repository, drafts, timelines } = services;
  for (const [id, versions] of expected.sessions) {
    const stored = repository.get(id);
    const acknowledged = ops
      .slice(0, acked + 1)
      .some((op) => (op.kind === 'save' || op.kind === 'edit') && op.session.id === id);
    if (stored === null) {
      if (acknowledged) problems.push(`session ${id} (acknowledged) is missing`);
      continue;
    }
    if (!versions.some((v) => isDeepStrictEqual(plain(v), stored)))
      problems.push(`session ${id} is not any version that was saved`);
  }
  let listed = 0;
  for await (const session of repository.iterate({})) {
    listed++;
    if (!expected.sessions.has(session.id)) problems.push(`session ${session.id} was never saved`);
  }
  const savedCount = [...expected.sessions.keys()].filter((id) =>
    ops.slice(0, acked + 1).some((op) => op.kind === 'save' && op.session.id === id),
  ).length;
  if (listed < savedCount || listed > savedCount + 1)
    problems.push(`${listed} sessions listed, ${savedCount} acknowledged`);
  if (repository.list({}).total !== listed)
    problems.push(`the log lists ${repository.list({}).total}, the partitions hold ${listed}`);
  for (const [id, timeline] of expected.timelines) {
    const stored = timelines.get(id);
    if (!isDeepStrictEqual(plain(timeline), stored))
      problems.push(`timeline of ${id} is ${stored === null ? 'missing' : 'not the one saved'}`);
  }
  const draft = drafts.get();
  if (!expected.drafts.some((d) => isDeepStrictEqual(d === null ? null : plain(d), draft))) {
    problems.push(
      `restored draft is ${draft === null ? 'none' : `for ${draft.callId} (${draft.wrapUp.notes.slice(-30)})`}, expected ${expected.drafts.map((d) => (d === null ? 'none' : d.wrapUp.notes.slice(-30))).join(' or ')}`,
    );
  }
  if (services.problems.list().length > 0 || warnings.length > 0)
    problems.push(
      `store problems: ${[...services.problems.list().map((p) => p.detail), ...warnings].join('; ')}`,
    );
  return problems;
}

describe('crash safety', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-line-crash-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  beforeAll(() => {
    // The child bundled once (npm packages stay imports): each of the many restarts then takes ~0.2 s, not ~1.5 s.
    childBundle = path.join(scratchDir('reliability/crash'), 'crash-child.mjs');
    buildSync({
      entryPoints: [CHILD],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: childBundle,
      logLevel: 'error',
    });
  });

  it(`${OPERATIONS} saves, edits and draft autosaves killed with SIGKILL at random moments lose nothing acknowledged (seed ${SEED})`, async () => {
    const ops = crashWorkload(SEED, OPERATIONS);
    const rnd = seededRandom(SEED ^ 0xc4a5);
    let next = 0;
    let kills = 0;
    let restarts = 0;
    const failures: string[] = [];
    while (next < OPERATIONS) {
      // Short runs, so kills land in every kind of operation: mostly a few milliseconds after a random
      // acknowledgement (an operation takes 1–10 ms), sometimes while the first write of a run is going on.
      const kill: KillPlan =
        rnd() < 0.15
          ? { afterAcks: 0, delayMs: Math.floor(rnd() * 300) }
          : { afterAcks: 1 + Math.floor(rnd() * 50), delayMs: Math.floor(rnd() * 4) };
      const t0 = Date.now();
      const run = await runChild(dataDir, next, kill);
      const t1 = Date.now();
      restarts++;
      expect(run.stderr, `child failed (seed ${SEED}, from op ${next})`).toBe('');
      if (run.killed && !run.finished) kills++;
      if (process.env.CRASH_DEBUG)
        console.log(
          `run ${restarts}: from ${next}, kill ${JSON.stringify(kill)}, acked to ${run.lastAck}, killed ${run.killed}`,
        );
      const problems = await checkFolder(dataDir, ops, run.lastAck);
      if (process.env.CRASH_DEBUG) console.log(`run ${t1 - t0} ms, check ${Date.now() - t1} ms`);
      for (const p of problems)
        failures.push(
          `after kill ${kills} (acknowledged up to op ${run.lastAck}, seed ${SEED}): ${p}`,
        );
      if (failures.length > 0) break;
      next = run.lastAck + 1;
    }
    expect(failures).toEqual([]);
    // The kills really interrupted the work (a test whose child always finished first would prove nothing).
    expect(kills).toBeGreaterThanOrEqual(25);
    const kinds = new Map<string, number>();
    for (const op of ops) kinds.set(op.kind, (kinds.get(op.kind) ?? 0) + 1);
    console.log(
      `crash safety: ${OPERATIONS} operations (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), ${kills} kills, ${restarts} runs, seed ${SEED}`,
    );
  }, 600_000);
});
