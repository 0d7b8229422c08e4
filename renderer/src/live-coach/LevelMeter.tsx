import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { onFrame } from './frame-loop';
import { attachMeterCanvas } from './meters/meter-board';
import type { MeterId } from './meters/meter-protocol';

interface Props {
  id: MeterId;
  label: string;
  /** The meter's accessible name ("Caller loudness"). */
  name: string;
  /** Momentary loudness (LUFS, 400 ms), null in silence; read when a frame is drawn, must not allocate. */
  read: () => number | null;
  testId: string;
}

/**
 * A horizontal loudness meter in EBU mode: the bar and the number are momentary loudness (BS.1770,
 * 400 ms), the measure the "too loud" and "caller heated" rules use. The bar (scale, peak hold, the
 * agent's target band) is drawn by the meter worker at 10 Hz, fed by the AudioWorklet; this component
 * writes the number (at most 4 times a second, at once when sound starts or stops) and carries it as
 * data-level (one decimal, empty in silence) for tests.
 */
export function LevelMeter({ id, label, name, read, testId }: Props) {
  const intl = useIntl();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const valueRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const value = valueRef.current;
    if (!canvas || !value) return undefined;
    attachMeterCanvas(id, canvas);
    let lastText = '';
    return onFrame(() => {
      const momentary = read();
      const precise = momentary === null ? '' : momentary.toFixed(1);
      if (precise !== lastText) {
        value.textContent =
          momentary === null ? '—' : intl.formatNumber(momentary, { maximumFractionDigits: 0 });
        canvas.dataset.level = precise;
        lastText = precise;
      }
      return false;
    });
  }, [id, read, intl]);

  return (
    <div className="meter" data-testid={testId}>
      <span className="meter-label">{label}</span>
      <canvas ref={canvasRef} width={240} height={22} role="img" aria-label={name} data-level="" />
      <span className="meter-value">
        <span ref={valueRef}>—</span>
        <small>
          {' '}
          <FormattedMessage id="coach.meter.unit" />
        </small>
      </span>
    </div>
  );
}
