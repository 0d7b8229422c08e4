/**
 * Arguments of `npm run --silent export -- --from DATE --to DATE --format csv|json|xlsx --out FILE
 * [--data-dir DIR] [--agent NAME] [--resolution R] [--escalation E] [--follow-up due|overdue|open|done]
 * [--source local|team] [--team ID]` (team: the team store configured in the data folder; --team narrows
 * it to one team).
 * Pure: argv in, options out, or a BadExportArgsError with one sentence saying what is wrong (from the
 * catalogue: English in its message, the program's language when said).
 */
import { parseArgs } from 'node:util';
import { CatalogueError } from '../i18n/catalogue-error';
import { parseArgsProblem } from './args-problem';
import { ESCALATION_VALUES, RESOLUTION_VALUES } from '../../preload/contract/session-schema';
import { FOLLOW_UP_FILTER_VALUES } from '../../preload/domain/follow-up-status';
import {
  EXPORT_FORMATS,
  type ExportFilter,
  type ExportFormat,
} from '../../preload/contract/session-export-schema';

/** Bad flags or paths: exit 2. */
export class BadExportArgsError extends CatalogueError {
  override name = 'BadExportArgsError';
}

const USAGE = 'cli.export.usage';

export const EXPORT_SOURCES = ['local', 'team'] as const;
export type ExportSource = (typeof EXPORT_SOURCES)[number];

export interface ExportArgs {
  readonly format: ExportFormat;
  readonly out: string;
  readonly dataDir: string | undefined;
  readonly filter: ExportFilter & { from: string; to: string };
  /** local: this data folder's sessions; team: the team store configured in it. */
  readonly source: ExportSource;
  /** With --source team: one team (else every team the login may read). */
  readonly team: string | undefined;
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new BadExportArgsError('cli.option-one-of', {
      option: flag,
      values: allowed.join(', '),
      value,
    });
  return value as T;
}

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'data-dir': { type: 'string' },
        agent: { type: 'string' },
        resolution: { type: 'string' },
        escalation: { type: 'string' },
        'follow-up': { type: 'string' },
        source: { type: 'string' },
        team: { type: 'string' },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    const problem = parseArgsProblem(error);
    throw new BadExportArgsError(problem.id, problem.values, USAGE);
  }
  for (const flag of ['from', 'to', 'format', 'out'] as const) {
    if (!values[flag])
      throw new BadExportArgsError('cli.option-required', { option: `--${flag}` }, USAGE);
  }
  const from = values.from!;
  const to = values.to!;
  for (const [flag, day] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isCalendarDay(day))
      throw new BadExportArgsError('cli.export.day', { option: flag, value: day });
  }
  if (from > to) throw new BadExportArgsError('cli.export.from-after-to', { from, to });
  const format = oneOf('--format', values.format, EXPORT_FORMATS)!;
  const filter: ExportFilter & { from: string; to: string } = { from, to };
  if (values.agent !== undefined) {
    if (values.agent.length === 0 || values.agent.length > 200)
      throw new BadExportArgsError('cli.export.agent');
    filter.agent = values.agent;
  }
  const resolution = oneOf('--resolution', values.resolution, [
    ...RESOLUTION_VALUES,
    'none',
  ] as const);
  if (resolution) filter.resolution = resolution;
  const escalation = oneOf('--escalation', values.escalation, ESCALATION_VALUES);
  if (escalation) filter.escalation = escalation;
  const followUp = oneOf('--follow-up', values['follow-up'], FOLLOW_UP_FILTER_VALUES);
  if (followUp) filter.followUp = followUp;
  const source = oneOf('--source', values.source, EXPORT_SOURCES) ?? 'local';
  const team = values.team;
  if (team !== undefined) {
    if (source !== 'team') throw new BadExportArgsError('cli.export.team-needs-source');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(team))
      throw new BadExportArgsError('cli.export.team-id', { value: team });
  }
  return { format, out: values.out!, dataDir: values['data-dir'], filter, source, team };
}
