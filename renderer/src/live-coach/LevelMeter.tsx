import { useEffect, useRef } from 'react';
import { onFrame } from './frame-loop';
import { METER_TICKS_LUFS, PeakHold, meterFraction } from './meter-scale';

/** How often the numeric readout may change (s). */
const READOUT_INTERVAL_SEC = 0.1;

export interface MeterReading {
  /** Fast level (≈50 ms) for the bar, LUFS; null in silence. */
  level: number | null;
  /** Momentary loudness shown as a number, LUFS; null in silence. */
  momentary: number | null;
}

interface Props {
  label: string;
  /** Read on every animation frame; must not allocate. */
  read: () => MeterReading;
  /** The agent's target band (normal voice … normal + margin), LUFS. */
  band?: () => { low: number; high: number } | null;
  testId: string;
}

/**
 * A horizontal loudness meter on canvas with a scale, peak hold and an optional target band.
 * The canvas carries data-level (momentary, rounded) so tests and screen readers can read it.
 */
export function LevelMeter({ label, read, band, testId }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const valueRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const value = valueRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !value || !ctx) return undefined;
    const peak = new PeakHold();
    const style = getComputedStyle(canvas);
    const colours = new Map<string, string>();
    const colour = (name: string) => {
      let c = colours.get(name);
      if (c === undefined) colours.set(name, (c = style.getPropertyValue(name).trim() || '#888'));
      return c;
    };
    let lastText = '';
    let lastTextAt = 0;
    let lastKey = '';
    return onFrame((nowSec) => {
      const { level, momentary } = read();
      const width = canvas.width;
      const height = canvas.height;
      const b = band?.();
      const held = peak.update(level, nowSec);
      // Redraw only when a pixel would change: in silence and steady speech the canvas is left alone.
      const px = (lufs: number | null) => Math.round(meterFraction(lufs) * width);
      const key = `${px(level)}|${held === null ? -1 : px(held)}|${b ? `${px(b.low)}-${px(b.high)}` : ''}`;
      if (key !== lastKey) {
        lastKey = key;
        ctx.clearRect(0, 0, width, height);
        ctx.fillStyle = colour('--meter-track');
        ctx.fillRect(0, 0, width, height);
        if (b) {
          const x0 = px(b.low);
          ctx.fillStyle = colour('--meter-band');
          ctx.fillRect(x0, 0, Math.max(2, px(b.high) - x0), height);
        }
        ctx.fillStyle = colour('--meter-fill');
        ctx.fillRect(0, height * 0.25, px(level), height * 0.5);
        if (held !== null) {
          ctx.fillStyle = colour('--meter-peak');
          ctx.fillRect(Math.max(0, px(held) - 2), 0, 3, height);
        }
        ctx.fillStyle = colour('--meter-tick');
        for (const t of METER_TICKS_LUFS) ctx.fillRect(px(t), height - 6, 1, 6);
      }
      // The number is read, not watched: it changes at most 10 times a second, except that sound
      // starting or stopping shows at once (the bar itself follows every frame).
      const precise = momentary === null ? '' : momentary.toFixed(1);
      const soundChanged = (precise === '') !== (lastText === '');
      if (precise !== lastText && (soundChanged || nowSec - lastTextAt >= READOUT_INTERVAL_SEC)) {
        value.textContent = momentary === null ? '—' : momentary.toFixed(0);
        canvas.dataset.level = precise;
        lastText = precise;
        lastTextAt = nowSec;
      }
      return held !== level || precise !== lastText; // peak hold falling, or a readout still to show
    });
  }, [read, band]);

  return (
    <div className="meter" data-testid={testId}>
      <span className="meter-label">{label}</span>
      <canvas ref={canvasRef} width={240} height={22} role="img" aria-label={`${label} loudness`} />
      <span className="meter-value">
        <span ref={valueRef}>—</span>
        <small> LUFS</small>
      </span>
    </div>
  );
}
