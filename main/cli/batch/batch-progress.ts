/**
 * A batch's progress on stderr: on a terminal a bar redrawn in place (at most 10 times a second);
 * otherwise (a log, a pipe) one line every PROGRESS_LINE_SEC. Either way one summary line at the end.
 */
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
    const t = this.now();
    const parts = [`${c.analysed} analysed`];
    if (c.failed > 0) parts.push(`${c.failed} could not be read`);
    if (c.alreadyDone > 0) parts.push(`${c.alreadyDone} already done`);
    const line = `analyze: ${c.total + c.alreadyDone} calls: ${parts.join(', ')} (${this.elapsed(t)})`;
    this.stream.write(this.stream.isTTY ? `\r\x1b[K${line}\n` : `${line}\n`);
  }

  private doneText(): string {
    const c = this.counts;
    return `${c.analysed + c.failed}/${c.total} calls${c.failed > 0 ? `, ${c.failed} could not be read` : ''}`;
  }

  private bar(t: number): string {
    const c = this.counts;
    const done = c.analysed + c.failed;
    const filled = c.total > 0 ? Math.round((BAR_WIDTH * done) / c.total) : BAR_WIDTH;
    const elapsedSec = (t - this.startMs) / 1000;
    const left = done > 0 ? (elapsedSec / done) * (c.total - done) : null;
    return `analyze [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${this.doneText()}  ${this.elapsed(t)}${left === null ? '' : `, about ${Math.ceil(left)} s left`}`;
  }

  private elapsed(t: number): string {
    return `${((t - this.startMs) / 1000).toFixed(1)} s`;
  }
}
