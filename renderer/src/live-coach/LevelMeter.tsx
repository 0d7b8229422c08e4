import { useEffect, useRef } from 'react';
import { onFrame } from './frame-loop';
import { METER_TICKS_LUFS, PeakHold, meterFraction } from './meter-scale';

interface Props {
  label: string;
  /** Momentary loudness (LUFS, 400 ms), null in silence; read on every frame drawn, must not allocate. */
  read: () => number | null;
  /** The agent's target band (normal voice … normal + margin), LUFS. */
  band?: () => { low: number; high: number } | null;
  testId: string;
}

/**
 * A horizontal loudness meter on canvas in EBU mode: the bar and the number are momentary loudness
 * (BS.1770, 400 ms), the measure the "too loud" and "caller heated" rules use, with a scale, peak hold
 * and an optional target band. Steady movement is drawn at 10 Hz (the frame loop's limit; a 400 ms
 * measure moves little in 100 ms); sound starting or stopping is drawn on the next frame.
 * The canvas carries data-level (momentary, one decimal) so tests can read it.
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
    let lastKey = '';
    return onFrame((nowSec) => {
      const momentary = read();
      const width = canvas.width;
      const height = canvas.height;
      const b = band?.();
      const held = peak.update(momentary, nowSec);
      // Redraw only when a pixel would change: in silence and steady speech the canvas is left alone.
      const px = (lufs: number | null) => Math.round(meterFraction(lufs) * width);
      const key = `${px(momentary)}|${held === null ? -1 : px(held)}|${b ? `${px(b.low)}-${px(b.high)}` : ''}`;
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
        ctx.fillRect(0, height * 0.25, px(momentary), height * 0.5);
        if (held !== null) {
          ctx.fillStyle = colour('--meter-peak');
          ctx.fillRect(Math.max(0, px(held) - 2), 0, 3, height);
        }
        ctx.fillStyle = colour('--meter-tick');
        for (const t of METER_TICKS_LUFS) ctx.fillRect(px(t), height - 6, 1, 6);
      }
      const precise = momentary === null ? '' : momentary.toFixed(1);
      if (precise !== lastText) {
        value.textContent = momentary === null ? '—' : momentary.toFixed(0);
        canvas.dataset.level = precise;
        lastText = precise;
      }
      return held !== momentary; // the peak hold is still falling
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
