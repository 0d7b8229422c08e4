import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../../main/export/export-json';
import { exportHeader } from '../../../main/export/export-file';
import { sessionSchema, type Session } from '../../../preload/contract/session-schema';
import {
  IMPORT_LIMITS,
  jsonNestingDepth,
  parseSessionExport,
} from '../../../renderer/src/team/import-session-export';
import {
  EMPTY_WORKSPACE,
  addExport,
  mergedSessions,
  removeExport,
  type TeamWorkspace,
} from '../../../renderer/src/team/team-workspace';
import { importProblemText } from '../../../renderer/src/team/import-problem';
import { ENGLISH_INTL } from '../../../renderer/src/i18n/english-intl';
import { intlForLocale } from '../../support/intl-for-locale';
import { makeSessions, seededRandom } from '../../support/session-factory';

/** A refusal as the team view says it in English: "<file> <what is wrong>". */
const said = (problem: Parameters<typeof importProblemText>[0]) =>
  importProblemText(problem, ENGLISH_INTL);

async function exportText(
  sessions: Session[],
  agent = 'Lead',
  exportedAt = new Date('2026-02-01T10:00:00Z'),
): Promise<string> {
  let text = '';
  for await (const chunk of jsonChunks(exportHeader(agent, '0.1.0', {}, exportedAt), sessions))
    text += chunk;
  return text;
}

function importInto(workspace: TeamWorkspace, fileName: string, text: string) {
  const parsed = parseSessionExport(fileName, text);
  if (!parsed.ok) return { workspace, refused: said(parsed.problem) };
  const added = addExport(workspace, parsed.file);
  return added.ok
    ? { workspace: added.workspace, refused: null, summary: added.summary }
    : { workspace, refused: said(added.problem) };
}

describe('team import: one export file', () => {
  it('reads a JSON export back into the same sessions, field for field', async () => {
    const sessions = makeSessions(200, { seed: 21, tricky: true });
    const outcome = parseSessionExport('ana.json', await exportText(sessions, 'Ana Souza'));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.file.sessions).toStrictEqual(sessions);
    expect(outcome.file.header.agent).toBe('Ana Souza');
    expect(outcome.file.fileName).toBe('ana.json');
  });

  it('accepts a file with a byte-order mark and an empty session list', async () => {
    expect(parseSessionExport('bom.json', `\uFEFF${await exportText([])}`).ok).toBe(true);
  });

  const base = makeSessions(3, { seed: 22 });
  const valid = async () =>
    JSON.parse(await exportText(base)) as Record<string, unknown> & {
      sessions: Record<string, unknown>[];
    };

  const cases: [string, () => Promise<string>, RegExp][] = [
    ['empty file', async () => '   ', /is empty/],
    [
      'CSV export',
      async () => '\uFEFFsession_id,agent,started_at\r\nabc,Ana,2026',
      /not a Calm Line JSON export \(it looks like a CSV file\)/,
    ],
    [
      'XLSX export',
      async () => 'PK\u0003\u0004\u0014\u0000binary',
      /not a Calm Line JSON export \(it looks like an XLSX file\)/,
    ],
    ['truncated JSON', async () => (await exportText(base)).slice(0, 500), /not valid JSON/],
    ['a JSON array', async () => '[1,2,3]', /not a Calm Line JSON export/],
    [
      'foreign JSON',
      async () => JSON.stringify({ name: 'my-package', version: '1.0.0' }),
      /not a Calm Line session export \(format missing/,
    ],
    [
      'other format',
      async () => JSON.stringify({ ...(await valid()), format: 'other-app' }),
      /format "other-app"/,
    ],
    [
      'newer version',
      async () => JSON.stringify({ ...(await valid()), version: 2 }),
      /newer Calm Line \(export version 2\)/,
    ],
    [
      'no sessions',
      async () => JSON.stringify({ ...(await valid()), sessions: undefined }),
      /no "sessions" list/,
    ],
    [
      'sessions not a list',
      async () => JSON.stringify({ ...(await valid()), sessions: { a: 1 } }),
      /no "sessions" list/,
    ],
    [
      'extra header key',
      async () => JSON.stringify({ ...(await valid()), extra: true }),
      /bad header: \(root\): Unrecognized key/,
    ],
    [
      'bad exportedAt',
      async () => JSON.stringify({ ...(await valid()), exportedAt: 'yesterday' }),
      /bad header: exportedAt/,
    ],
    [
      'session with an unknown key',
      async () => {
        const v = await valid();
        v.sessions[1] = { ...v.sessions[1], sneaky: 1 };
        return JSON.stringify(v);
      },
      /has an invalid session \(number 2, id [0-9a-f-]+\): \(root\): Unrecognized key/,
    ],
    [
      'session with a __proto__ key',
      async () =>
        (await exportText(base)).replace(
          '{"schemaVersion":2,',
          '{"__proto__":{"polluted":true},"schemaVersion":2,',
        ),
      /has an invalid session \(number 1.*Unrecognized key.*__proto__/,
    ],
    [
      'session with a bad enum',
      async () =>
        (await exportText(base)).replace(
          /"kind":"(technical|administrative|emotional)"/,
          '"kind":"angry"',
        ),
      /has an invalid session .*: wrapUp\.priorities\.\d+\.kind/,
    ],
    [
      'session from schema version 1',
      async () => (await exportText(base)).replace('"schemaVersion":2', '"schemaVersion":1'),
      /has an invalid session \(number 1.*schemaVersion/,
    ],
    [
      'deep nesting',
      async () =>
        `{"format":"calm-line-sessions","version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      /nested more than 32 levels/,
    ],
    [
      'deep nesting, unclosed',
      async () => `{"a":${'{"a":'.repeat(500_000)}`,
      /nested more than 32 levels/,
    ],
  ];

  for (const [name, make, problem] of cases) {
    it(`refuses ${name} with a message naming the file, and changes nothing`, async () => {
      const before = importInto(
        EMPTY_WORKSPACE,
        'ana.json',
        await exportText(makeSessions(5, { seed: 23 })),
      ).workspace;
      const result = importInto(before, `bad ${name}.json`, await make());
      expect(result.refused).toMatch(new RegExp(`^bad ${name}\\.json `));
      expect(result.refused).toMatch(problem);
      expect(result.workspace).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses files over the size and session caps before parsing them', async () => {
    const text = await exportText(makeSessions(20, { seed: 24 }));
    const small = parseSessionExport('big.json', text, { ...IMPORT_LIMITS, maxFileChars: 1000 });
    expect(small).toMatchObject({ ok: false, fileName: 'big.json' });
    expect(!small.ok && said(small.problem)).toMatch(/^big\.json is \d+ MB; .* up to 0 MB/);
    const few = parseSessionExport('many.json', text, { ...IMPORT_LIMITS, maxSessions: 10 });
    expect(few).toMatchObject({ ok: false });
    expect(!few.ok && said(few.problem)).toBe(
      'many.json holds 20 sessions; the team view imports at most 10 per file',
    );
    // In the lead's language, with its own number format.
    expect(!few.ok && importProblemText(few.problem, intlForLocale('de'))).toBe(
      'many.json enthält 20 Gespräche; die Teamansicht importiert höchstens 10 pro Datei',
    );
  });

  it('never throws on 400 random mutations of a valid export; whatever it accepts is schema-valid', async () => {
    const text = await exportText(makeSessions(4, { seed: 25, tricky: true }));
    const rng = seededRandom(26);
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      '"',
      '\\',
      ',',
      ':',
      '"__proto__":',
      'null',
      '1e309',
      '-0',
      '\u0000',
      '😤',
      '"format"',
    ];
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      let m = text;
      for (let k = 1 + Math.floor(rng() * 4); k > 0; k--) {
        const at = Math.floor(rng() * m.length);
        const op = rng();
        if (op < 0.35) m = m.slice(0, at) + pieces[Math.floor(rng() * pieces.length)] + m.slice(at);
        else if (op < 0.7) m = m.slice(0, at) + m.slice(at + 1 + Math.floor(rng() * 20));
        else if (op < 0.9)
          m = m.slice(0, at) + String.fromCharCode(Math.floor(rng() * 128)) + m.slice(at + 1);
        else m = m.slice(0, at);
      }
      const outcome = parseSessionExport(`m${i}.json`, m);
      if (outcome.ok) {
        accepted++;
        for (const s of outcome.file.sessions)
          expect(sessionSchema.safeParse(s).success).toBe(true);
      } else {
        expect(outcome.fileName).toBe(`m${i}.json`);
        expect(said(outcome.problem)).toMatch(new RegExp(`^m${i}\\.json .{5}`));
      }
    }
    expect(accepted).toBeLessThan(400);
  });

  it('measures nesting outside strings only', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[[{{{{"}]}', 99)).toBe(3);
    expect(jsonNestingDepth('{"a":"\\"[[["}', 99)).toBe(1);
    expect(jsonNestingDepth('[[[[[[', 3)).toBe(4);
  });
});

describe('team import: several exports merged', () => {
  it('deduplicates by id, shows which agent and export each came from, and the newer copy wins', async () => {
    const ana = makeSessions(40, { seed: 31, agents: ['Ana Souza'] });
    const bjorn = makeSessions(30, { seed: 32, agents: ['Björn Lindqvist'] });
    // The lead's own export overlaps both: 10 of Ana's (one with a follow-up marked done later) and 5 of Björn's.
    const edited: Session = {
      ...ana[0],
      savedAt: '2026-03-01T09:00:00.000+01:00',
      wrapUp: {
        ...ana[0].wrapUp,
        followUp: {
          ...ana[0].wrapUp.followUp,
          date: '2026-02-20',
          doneAt: '2026-02-28T10:00:00.000+01:00',
        },
      },
    };
    const lead = [edited, ...ana.slice(1, 10), ...bjorn.slice(0, 5)];

    let ws = EMPTY_WORKSPACE;
    const a = importInto(ws, 'ana.json', await exportText(ana, 'Ana Souza'));
    ws = a.workspace;
    expect(a.summary).toEqual({ added: 40, duplicates: 0 });
    const b = importInto(ws, 'bjorn.json', await exportText(bjorn, 'Björn Lindqvist'));
    ws = b.workspace;
    expect(b.summary).toEqual({ added: 30, duplicates: 0 });
    const c = importInto(ws, 'lead.json', await exportText(lead, 'Team Lead'));
    ws = c.workspace;
    expect(c.summary).toEqual({ added: 0, duplicates: 15 });

    const merged = mergedSessions(ws);
    expect(merged).toHaveLength(70);
    expect(new Set(merged.map((m) => m.session.id)).size).toBe(70);
    const byId = new Map(merged.map((m) => [m.session.id, m]));
    expect(byId.get(edited.id)).toMatchObject({
      session: edited,
      source: { fileName: 'lead.json' },
      alsoIn: 1,
      agent: 'Ana Souza',
    });
    expect(byId.get(ana[5].id)).toMatchObject({ source: { fileName: 'ana.json' }, alsoIn: 1 });
    expect(byId.get(bjorn[20].id)).toMatchObject({
      source: { fileName: 'bjorn.json' },
      alsoIn: 0,
      agent: 'Björn Lindqvist',
    });
    // Newest call first.
    for (let i = 1; i < merged.length; i++) {
      expect(Date.parse(merged[i - 1].session.startedAt)).toBeGreaterThanOrEqual(
        Date.parse(merged[i].session.startedAt),
      );
    }

    // The same export again is refused; removing the lead's export brings back Ana's own copy.
    expect(importInto(ws, 'lead (copy).json', await exportText(lead, 'Team Lead')).refused).toBe(
      'lead (copy).json is the same export as lead.json, already imported',
    );
    const without = mergedSessions(removeExport(ws, c.workspace.sources[2].id));
    expect(without).toHaveLength(70);
    expect(without.find((m) => m.session.id === edited.id)).toMatchObject({
      session: ana[0],
      source: { fileName: 'ana.json' },
    });
  });

  it('a refused file between two good ones leaves both good imports in place', async () => {
    let ws = importInto(
      EMPTY_WORKSPACE,
      'one.json',
      await exportText(makeSessions(8, { seed: 41 })),
    ).workspace;
    const bad = importInto(
      ws,
      'two.json',
      '{"format":"calm-line-sessions","version":1,"sessions":[{}]}',
    );
    expect(bad.refused).toMatch(/^two\.json has a bad header/);
    ws = importInto(
      bad.workspace,
      'three.json',
      await exportText(makeSessions(6, { seed: 42 })),
    ).workspace;
    expect(ws.sources.map((s) => s.fileName)).toEqual(['one.json', 'three.json']);
    expect(mergedSessions(ws)).toHaveLength(14);
  });
});
