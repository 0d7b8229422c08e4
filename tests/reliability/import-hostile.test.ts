/**
 * Hostile files fed to the team view's importer as the Team screen feeds them (a File, read and validated
 * by importOne — the worker's code, run in place where there is no Worker — then added to the workspace):
 * 10,400 seeded mutations of a real JSON export, 1,300 of each kind (truncated, huge values, wrong types,
 * deep nesting, `__proto__`/`constructor` keys, invalid dates, invalid UTF-8, structural damage). None
 * may crash the import; every damaged file is refused whole with one line that names the file and the
 * problem; nothing already imported changes; no prototype is polluted. Only structural edits that leave a
 * valid export (an item removed from a list) may be accepted, and then only schema-valid sessions.
 *
 * RELIABILITY_SEED=<n> explores other files; failures print the seed and the steps that made the file.
 */
import { describe, expect, it } from 'vitest';
import { exportHeader } from '../../main/export/export-file';
import { jsonChunks } from '../../main/export/export-json';
import { sessionSchema, type Session } from '../../preload/contract/session-schema';
import { importOne } from '../../renderer/src/team/import-files';
import { IMPORT_LIMITS } from '../../renderer/src/team/import-session-export';
import { importProblemText, type ImportProblem } from '../../renderer/src/team/import-problem';
import { ENGLISH_INTL } from '../../renderer/src/i18n/english-intl';
import {
  EMPTY_WORKSPACE,
  addExport,
  mergedSessions,
  type TeamWorkspace,
} from '../../renderer/src/team/team-workspace';
import {
  JSON_MUTATION_KINDS,
  mutateExport,
  type JsonMutationKind,
} from '../support/json-mutations';
import { makeSessions } from '../support/session-factory';
import { mutationSeed } from '../support/wav-mutations';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20260701) >>> 0;
const PER_KIND = 1300;
/** Kinds that may leave a valid export behind (removing one priority from a list is no damage). */
const MAY_STAY_VALID: ReadonlySet<JsonMutationKind> = new Set(['structure']);

async function exportText(sessions: Session[], agent: string, at: string): Promise<string> {
  let text = '';
  for await (const chunk of jsonChunks(exportHeader(agent, '0.1.0', {}, new Date(at)), sessions))
    text += chunk;
  return text;
}

/** Why a file was refused, as the Team screen says it in English, without the file's name before it. */
function problemText(problem: ImportProblem, fileName: string): string {
  const text = importProblemText(problem, ENGLISH_INTL);
  return text.startsWith(`${fileName} `) ? text.slice(fileName.length + 1) : text;
}

/** The Team screen's line for a refused file. */
function refusal(problem: ImportProblem): string {
  return ENGLISH_INTL.formatMessage(
    { id: 'team.import.refused' },
    { problem: importProblemText(problem, ENGLISH_INTL) },
  );
}

/** What the Team screen does with one picked file: import it, add it, or show why not. */
async function importInto(workspace: TeamWorkspace, name: string, bytes: Uint8Array) {
  const outcome = await importOne(
    { file: new File([new Uint8Array(bytes)], name), name },
    () => undefined,
  );
  if (!outcome.ok)
    return {
      workspace,
      accepted: null,
      message: refusal(outcome.problem),
      problem: problemText(outcome.problem, outcome.fileName),
      fileName: outcome.fileName,
    };
  const added = addExport(workspace, outcome.file);
  if (!added.ok)
    return {
      workspace,
      accepted: outcome.file.sessions,
      message: refusal(added.problem),
      problem: problemText(added.problem, added.fileName),
      fileName: added.fileName,
    };
  return {
    workspace: added.workspace,
    accepted: outcome.file.sessions,
    message: null,
    problem: null,
    fileName: name,
  };
}

function polluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted !== undefined ||
    Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') ||
    typeof probe.hasOwnProperty !== 'function'
  );
}

describe('hostile export files into the team view', () => {
  it(`${PER_KIND * JSON_MUTATION_KINDS.length} mutated exports: no crash, each refused with a clear message naming the file, nothing already imported changed (seed ${SEED})`, async () => {
    const enc = new TextEncoder();
    // Two exports already imported.
    let workspace: TeamWorkspace = EMPTY_WORKSPACE;
    for (const [agent, seed] of [
      ['Ana Souza', 301],
      ['Björn Lindqvist', 302],
    ] as const) {
      const text = await exportText(
        makeSessions(6, { seed, agents: [agent] }),
        agent,
        '2026-02-01T10:00:00Z',
      );
      const r = await importInto(workspace, `${agent}.json`, enc.encode(text));
      expect(r.message).toBeNull();
      workspace = r.workspace;
    }
    const frozen = JSON.stringify(workspace);
    const frozenSources = JSON.stringify(workspace.sources);
    const mergedBefore = JSON.stringify(mergedSessions(workspace));
    const base = await exportText(
      makeSessions(4, { seed: 303, tricky: true, agents: ['Chidi Okafor'] }),
      'Chidi Okafor',
      '2026-02-02T10:00:00Z',
    );
    expect(sessionSchema.safeParse(JSON.parse(base).sessions[0]).success).toBe(true);

    const failures: string[] = [];
    const refused = new Map<JsonMutationKind, number>();
    const accepted = new Map<JsonMutationKind, number>();
    const problemsSeen = new Map<JsonMutationKind, Set<string>>();
    const spent = new Map<JsonMutationKind, number>();
    for (let i = 0; i < PER_KIND * JSON_MUTATION_KINDS.length; i++) {
      const kind = JSON_MUTATION_KINDS[i % JSON_MUTATION_KINDS.length];
      const seed = mutationSeed(SEED, i);
      const m = mutateExport(base, seed, kind);
      const name = `export ${i} (${kind}).json`;
      const label = `#${i} ${kind} (seed ${seed}, run seed ${SEED}; ${m.steps.join('; ').slice(0, 300)})`;
      let r: Awaited<ReturnType<typeof importInto>>;
      const t0 = performance.now();
      try {
        r = await importInto(workspace, name, m.bytes);
        spent.set(kind, (spent.get(kind) ?? 0) + performance.now() - t0);
      } catch (error) {
        failures.push(`${label}: the import threw ${(error as Error)?.stack ?? error}`);
        continue;
      }
      if (r.workspace !== workspace) {
        // Accepted and added: only a still-valid export may be, and it must not change what was there.
        if (!MAY_STAY_VALID.has(kind)) failures.push(`${label}: accepted`);
        for (const s of r.accepted ?? [])
          if (!sessionSchema.safeParse(s).success)
            failures.push(`${label}: accepted an invalid session`);
        if (
          JSON.stringify(r.workspace.sources.slice(0, workspace.sources.length)) !== frozenSources
        ) {
          failures.push(`${label}: adding it changed the exports already imported`);
        }
        accepted.set(kind, (accepted.get(kind) ?? 0) + 1);
      } else if (r.problem !== null) {
        if (r.accepted !== null && !MAY_STAY_VALID.has(kind))
          failures.push(`${label}: read as valid (then refused by the workspace: ${r.problem})`);
        const problem = r.problem;
        const clear =
          r.fileName === name &&
          r.message!.startsWith(`Not imported: ${name} `) &&
          problem.length >= 8 &&
          problem.length <= 600 &&
          !/[\n\r]/.test(problem) &&
          !/\bat .+:\d+:\d+/.test(problem) &&
          !/\[object |\uFFFD/.test(problem);
        if (!clear) failures.push(`${label}: unclear message ${JSON.stringify(r.message)}`);
        refused.set(kind, (refused.get(kind) ?? 0) + 1);
        const set = problemsSeen.get(kind) ?? new Set<string>();
        set.add(
          problem
            .replace(/\d+/g, 'N')
            .replace(/"[^"]*"/g, '"…"')
            .slice(0, 60),
        );
        problemsSeen.set(kind, set);
      } else failures.push(`${label}: neither added nor refused`);
      if (polluted()) {
        failures.push(`${label}: Object.prototype was polluted`);
        break;
      }
      if (failures.length > 20) break;
    }
    expect(failures).toEqual([]);
    // Nothing already imported changed.
    expect(JSON.stringify(workspace)).toBe(frozen);
    expect(JSON.stringify(mergedSessions(workspace))).toBe(mergedBefore);
    for (const kind of JSON_MUTATION_KINDS)
      expect(refused.get(kind) ?? 0, kind).toBeGreaterThan(PER_KIND * 0.5);
    console.log(
      `hostile imports (seed ${SEED}): ` +
        JSON_MUTATION_KINDS.map(
          (k) =>
            `${k} ${refused.get(k) ?? 0} refused/${accepted.get(k) ?? 0} accepted (${problemsSeen.get(k)?.size ?? 0} kinds of message, ${Math.round(spent.get(k) ?? 0)} ms)`,
        ).join(', '),
    );
  }, 600_000);

  it('a file over the size limit is refused before it is read', async () => {
    const big = {
      size: IMPORT_LIMITS.maxFileChars + 1,
      name: 'huge.json',
      text: () => Promise.reject(new Error('must not be read')),
      arrayBuffer: () => Promise.reject(new Error('must not be read')),
    } as unknown as File;
    const outcome = await importOne({ file: big, name: 'huge.json' }, () => undefined);
    expect(outcome).toMatchObject({ ok: false, fileName: 'huge.json' });
    expect(!outcome.ok && refusal(outcome.problem)).toMatch(
      /^Not imported: huge\.json is \d+ MB; the team view imports exports up to \d+ MB/,
    );
  });
});
