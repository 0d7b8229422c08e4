/**
 * A batch's progress on stderr: on a terminal a bar redrawn in place (at most 10 times a second);
 * otherwise (a log, a pipe) one line every PROGRESS_LINE_SEC. Either way one summary line at the end.
 * Worded in the program's language (numbers too: 41,3 s in French); the `analyze:` tag stays.
 */
import { ENGLISH_TEXT, type MainText } from '../../i18n/main-text';

export const PROGRESS_LINE_SEC = 5;
const BAR_WIDTH = 24;

export interface ProgressCounts {
  /** Calls to analyse in this run (already-done calls excluded). */
  total: number;
  analysed: number;
  failed: number;
  /** Calls skipped because the output files already hold them. */
  alreadyDone: number;
}

export class BatchProgress {
  private lastDrawMs = -Infinity;
  private readonly startMs: number;

  constructor(
    private readonly counts: ProgressCounts,
    private readonly text: MainText = ENGLISH_TEXT,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.startMs = now();
    // On a terminal the bar shows at once; a log gets its first line after PROGRESS_LINE_SEC.
    if (stream.isTTY !== true) this.lastDrawMs = this.startMs;
  }

  /** After each call (analysed or failed). */
  update(): void {
    const t = this.now();
    const tty = this.stream.isTTY === true;
    if (t - this.lastDrawMs < (tty ? 100 : PROGRESS_LINE_SEC * 1000)) return;
    this.lastDrawMs = t;
    if (tty) this.stream.write(`\r${this.bar(t)}\x1b[K`);
    else this.stream.write(`analyze: ${this.doneText()} (${this.elapsed(t)})\n`);
  }

  /** A message (a call that could not be read) without tearing the bar. */
  message(line: string): void {
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[K${line}\n`);
      this.lastDrawMs = -Infinity;
    } else this.stream.write(`${line}\n`);
  }

  finish(): void {
    const c = this.counts;
    const summary = this.text.format('cli.analyze.summary', {
      calls: c.total + c.alreadyDone,
      analysed: c.analysed,
      failed: c.failed,
      alreadyDone: c.alreadyDone,
      elapsed: this.elapsed(this.now()),
    });
    const line = `analyze: ${summary}`;
    this.stream.write(this.stream.isTTY ? `\r\x1b[K${line}\n` : `${line}\n`);
  }

  private doneText(): string {
    const c = this.counts;
    return this.text.format('cli.analyze.progress', {
      done: c.analysed + c.failed,
      total: c.total,
      failed: c.failed,
    });
  }

  private bar(t: number): string {
    const c = this.counts;
    const done = c.analysed + c.failed;
    const filled = c.total > 0 ? Math.round((BAR_WIDTH * done) / c.total) : BAR_WIDTH;
    const elapsedSec = (t - this.startMs) / 1000;
    const left = done > 0 ? (elapsedSec / done) * (c.total - done) : null;
    const timeLeft =
      left === null
        ? ''
        : `, ${this.text.format('cli.analyze.time-left', { seconds: Math.ceil(left) })}`;
    return `analyze [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${this.doneText()}  ${this.elapsed(t)}${timeLeft}`;
  }

  private elapsed(t: number): string {
    return this.text.format('cli.analyze.elapsed', { seconds: (t - this.startMs) / 1000 });
  }
}
