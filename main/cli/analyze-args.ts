/**
 * Arguments of `npm run analyze -- FILE|FOLDER… [--agent left|right] [--series] [--agent-normal-lufs X]
 * [--csv FILE] [--out FILE] [--jobs N]`. Pure: argv in, options out, or a BadInputError with one sentence
 * saying what is wrong (from the catalogue: English in its message, the program's language when said). One file and no --csv/--out is the single-call mode (a pretty document on a
 * terminal); anything else is a batch (analyze-batch.ts).
 */
import type { AgentChannel } from '../../renderer/engine/call-analysis-report';
import { CatalogueError } from '../i18n/catalogue-error';

/** Bad flags or a call that cannot be read: exit 2 (a batch: the call is named and skipped). */
export class BadInputError extends CatalogueError {
  override name = 'BadInputError';
}

export interface AnalyzeArgs {
  /** The first input (the single-call mode's file). */
  file: string;
  /** Files and folders, as typed. */
  inputs: string[];
  /** Batch: write the CSV summary here (appended to, resumed). */
  csv: string | null;
  /** Batch: write the JSON lines here instead of stdout (appended to, resumed). */
  out: string | null;
  /** Batch: worker threads (default: one per core). */
  jobs: number | null;
  agentChannel: AgentChannel;
  series: boolean;
  agentNormalLufs: number | null;
}

const USAGE = 'cli.analyze.usage';

/** True when the arguments ask for a batch (several inputs, or an output file to resume). */
export function isBatch(args: AnalyzeArgs): boolean {
  return args.inputs.length > 1 || args.csv !== null || args.out !== null || args.jobs !== null;
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const inputs: string[] = [];
  let csv: string | null = null;
  let out: string | null = null;
  let jobs: number | null = null;
  let agentChannel: AgentChannel = 'left';
  let series = false;
  let agentNormalLufs: number | null = null;
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : null;
    const value = (): string => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new BadInputError('cli.option-needs-value', { option: name }, USAGE);
      i++;
      return next;
    };
    if (name.startsWith('--') && seen.has(name))
      throw new BadInputError('cli.option-twice', { option: name });
    seen.add(name);
    switch (name) {
      case '--agent': {
        const v = value();
        if (v !== 'left' && v !== 'right')
          throw new BadInputError('cli.analyze.agent', { value: v });
        agentChannel = v;
        break;
      }
      case '--series':
        if (inline !== null)
          throw new BadInputError('cli.option-takes-no-value', { option: '--series' });
        series = true;
        break;
      case '--agent-normal-lufs': {
        const v = value();
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n < -70 || n > 0) {
          throw new BadInputError('cli.analyze.agent-normal-lufs', { value: v });
        }
        agentNormalLufs = n;
        break;
      }
      case '--csv':
        csv = value();
        break;
      case '--out':
        out = value();
        break;
      case '--jobs': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v.trim()) || n < 1 || n > 256)
          throw new BadInputError('cli.analyze.jobs', { value: v });
        jobs = n;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-')
          throw new BadInputError('cli.unknown-option', { option: name }, USAGE);
        if (inputs.includes(arg))
          throw new BadInputError('cli.analyze.input-twice', { input: arg });
        inputs.push(arg);
    }
  }
  if (inputs.length === 0) throw new BadInputError('cli.analyze.no-file', {}, USAGE);
  if (csv !== null && out !== null && csv === out)
    throw new BadInputError('cli.analyze.csv-is-out');
  return { file: inputs[0], inputs, csv, out, jobs, agentChannel, series, agentNormalLufs };
}
