/**
 * Arguments of `npm run analyze -- FILE|FOLDER… [--agent left|right] [--series] [--agent-normal-lufs X]
 * [--csv FILE] [--out FILE] [--jobs N]`. Pure: argv in, options out, or a BadInputError with one sentence
 * saying what is wrong. One file and no --csv/--out is the single-call mode (a pretty document on a
 * terminal); anything else is a batch (analyze-batch.ts).
 */
import type { AgentChannel } from '../../renderer/engine/call-analysis-report';

export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
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

export const USAGE =
  'usage: npm run --silent analyze -- FILE|FOLDER... [--agent left|right] [--series] [--agent-normal-lufs X] [--csv FILE] [--out FILE] [--jobs N]';

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
        throw new BadInputError(`${name} needs a value. ${USAGE}`);
      i++;
      return next;
    };
    if (name.startsWith('--') && seen.has(name)) throw new BadInputError(`${name} is given twice.`);
    seen.add(name);
    switch (name) {
      case '--agent': {
        const v = value();
        if (v !== 'left' && v !== 'right')
          throw new BadInputError(`--agent must be left or right, not "${v}".`);
        agentChannel = v;
        break;
      }
      case '--series':
        if (inline !== null) throw new BadInputError('--series takes no value.');
        series = true;
        break;
      case '--agent-normal-lufs': {
        const v = value();
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n < -70 || n > 0) {
          throw new BadInputError(
            `--agent-normal-lufs must be a level in LUFS between -70 and 0, not "${v}".`,
          );
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
          throw new BadInputError(`--jobs must be a whole number from 1 to 256, not "${v}".`);
        jobs = n;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-')
          throw new BadInputError(`Unknown option ${name}. ${USAGE}`);
        if (inputs.includes(arg)) throw new BadInputError(`"${arg}" is given twice.`);
        inputs.push(arg);
    }
  }
  if (inputs.length === 0) throw new BadInputError(`No file given. ${USAGE}`);
  if (csv !== null && out !== null && csv === out)
    throw new BadInputError('--csv and --out must be different files.');
  return { file: inputs[0], inputs, csv, out, jobs, agentChannel, series, agentNormalLufs };
}
