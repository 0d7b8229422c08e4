/**
 * Arguments of `npm run analyze -- FILE.wav [--agent left|right] [--series] [--agent-normal-lufs X]`.
 * Pure: argv in, options out, or a BadInputError with one sentence saying what is wrong.
 */
import type { AgentChannel } from '../../renderer/engine/call-analysis-report';

export class BadInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}

export interface AnalyzeArgs {
  file: string;
  agentChannel: AgentChannel;
  series: boolean;
  agentNormalLufs: number | null;
}

export const USAGE =
  'usage: npm run --silent analyze -- FILE.wav [--agent left|right] [--series] [--agent-normal-lufs X]';

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  let file: string | null = null;
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
      default:
        if (arg.startsWith('-') && arg !== '-')
          throw new BadInputError(`Unknown option ${name}. ${USAGE}`);
        if (file !== null)
          throw new BadInputError(
            `Only one file can be analysed at a time (got "${file}" and "${arg}").`,
          );
        file = arg;
    }
  }
  if (file === null) throw new BadInputError(`No file given. ${USAGE}`);
  return { file, agentChannel, series, agentNormalLufs };
}
