/**
 * Export and team import at 50,000 generated sessions (seeded, realistic: cues, priorities, next steps).
 * Figures (best of ctx.runs, alternated with their references so both see the same machine):
 * - export_csv_50k_ms: sessions → CSV file through the real path (column getters, formula neutralising,
 *   RFC 4180 quoting, BOM, atomic temp file + rename). Target ≤ 2000 ms.
 *   Reference: the same rows built by the same column getters, then Papa.unparse (escapeFormulae on) and
 *   one writeFile — papaparse_unparse_50k_ms and the ratio csv_vs_papaparse.
 * - export_json_50k_ms, export_xlsx_5k_ms (exceljs streaming writer; 5,000 rows, it is the slow one).
 * - import_50k_ms: the JSON export's text → validated sessions through the team view's importer (size,
 *   shape and depth checks, JSON.parse, envelope, strict zod per session). Reference: bare JSON.parse +
 *   sessionSchema.parse of each session — import_ref_parse_zod_50k_ms and the ratio import_vs_ref. And the
 *   importer with zod jitless, as the renderer's worker runs it under the no-eval CSP: import_50k_jitless_ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { EXPORT_COLUMNS } from '../../main/export/export-columns';
import { exportHeader, exportSessionsToFile } from '../../main/export/export-file';
import { sessionSchema } from '../../preload/contract/session-schema';
import { parseSessionExport } from '../../renderer/src/team/import-session-export';
import { makeSessions } from '../support/session-factory';
import { round, wallSeconds, type BenchModule } from './bench-module';

const N = 50_000;
const XLSX_N = 5_000;

export const exportBench: BenchModule = {
  name: 'export and team import (50k sessions)',
  async run(ctx) {
    ctx.log(`generating ${N} sessions…`);
    const sessions = makeSessions(N, { seed: 2026, fromDay: '2025-07-01', days: 180 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calm-line-export-bench-'));
    const header = exportHeader('Bench Lead', '0.1.0', {}, new Date('2026-01-01T12:00:00Z'));
    const context = { asOfDay: '2026-01-01' };
    try {
      const csvFile = path.join(dir, 'sessions.csv');
      const refFile = path.join(dir, 'papaparse.csv');
      const jsonFile = path.join(dir, 'sessions.json');
      const xlsxFile = path.join(dir, 'sessions.xlsx');
      const papaparse = async (): Promise<void> => {
        const rows = sessions.map((s) => EXPORT_COLUMNS.map((c) => c.value(s, context)));
        const text = Papa.unparse(
          { fields: EXPORT_COLUMNS.map((c) => c.name), data: rows },
          { escapeFormulae: true, newline: '\r\n' },
        );
        fs.writeFileSync(refFile, `\uFEFF${text}\r\n`);
      };

      const csvRuns: number[] = [];
      const refRuns: number[] = [];
      let csvBytes = 0;
      for (let i = 0; i < ctx.runs + 1; i++) {
        const csv = await wallSeconds(
          async () =>
            (csvBytes = await exportSessionsToFile(sessions, {
              format: 'csv',
              filePath: csvFile,
              header,
            })),
        );
        const ref = await wallSeconds(papaparse);
        // The first pass warms the JIT and the page cache; it does not count.
        if (i > 0) {
          csvRuns.push(csv);
          refRuns.push(ref);
        }
        ctx.log(
          `csv run ${i}: ours ${(csv * 1000).toFixed(0)} ms, papaparse ${(ref * 1000).toFixed(0)} ms`,
        );
      }

      const jsonRuns: number[] = [];
      let jsonBytes = 0;
      for (let i = 0; i < ctx.runs; i++) {
        jsonRuns.push(
          await wallSeconds(
            async () =>
              (jsonBytes = await exportSessionsToFile(sessions, {
                format: 'json',
                filePath: jsonFile,
                header,
              })),
          ),
        );
      }
      ctx.log(
        `json: ${(Math.min(...jsonRuns) * 1000).toFixed(0)} ms, ${(jsonBytes / 1e6).toFixed(1)} MB`,
      );

      const xlsxRuns: number[] = [];
      const xlsxSessions = sessions.slice(0, XLSX_N);
      for (let i = 0; i < ctx.runs; i++) {
        xlsxRuns.push(
          await wallSeconds(() =>
            exportSessionsToFile(xlsxSessions, { format: 'xlsx', filePath: xlsxFile, header }),
          ),
        );
      }
      ctx.log(`xlsx ${XLSX_N}: ${(Math.min(...xlsxRuns) * 1000).toFixed(0)} ms`);

      const text = fs.readFileSync(jsonFile, 'utf8');
      const importRuns: number[] = [];
      const refImportRuns: number[] = [];
      let imported = 0;
      for (let i = 0; i < ctx.runs; i++) {
        importRuns.push(
          await wallSeconds(() => {
            const outcome = parseSessionExport('bench.json', text);
            if (!outcome.ok)
              throw new Error(
                `import refused the bench export: ${JSON.stringify(outcome.problem)}`,
              );
            imported = outcome.file.sessions.length;
          }),
        );
        refImportRuns.push(
          await wallSeconds(() => {
            const parsed = JSON.parse(text) as { sessions: unknown[] };
            parsed.sessions.map((s) => sessionSchema.parse(s));
          }),
        );
        ctx.log(
          `import run ${i + 1}: ours ${(importRuns[i] * 1000).toFixed(0)} ms, JSON.parse+zod ${(refImportRuns[i] * 1000).toFixed(0)} ms`,
        );
      }
      if (imported !== N) throw new Error(`imported ${imported} of ${N}`);

      z.config({ jitless: true });
      let jitlessSec: number;
      try {
        jitlessSec = await wallSeconds(() => parseSessionExport('bench.json', text));
      } finally {
        z.config({ jitless: false });
      }

      const csvSec = Math.min(...csvRuns);
      const refSec = Math.min(...refRuns);
      const importSec = Math.min(...importRuns);
      const refImportSec = Math.min(...refImportRuns);
      return {
        export_csv_50k_ms: Math.round(csvSec * 1000),
        export_csv_50k_mb: round(csvBytes / 1e6, 1),
        papaparse_unparse_50k_ms: Math.round(refSec * 1000),
        csv_vs_papaparse: round(csvSec / refSec, 2),
        export_json_50k_ms: Math.round(Math.min(...jsonRuns) * 1000),
        export_json_50k_mb: round(jsonBytes / 1e6, 1),
        export_xlsx_5k_ms: Math.round(Math.min(...xlsxRuns) * 1000),
        import_50k_ms: Math.round(importSec * 1000),
        import_ref_parse_zod_50k_ms: Math.round(refImportSec * 1000),
        import_vs_ref: round(importSec / refImportSec, 2),
        import_50k_jitless_ms: Math.round(jitlessSec * 1000),
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
