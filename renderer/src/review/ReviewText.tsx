import type { CallTimeline } from '../../engine/call-types';
import type { ReviewRegion } from './review-regions';
import { partySummary, reviewSpans, spanSeconds } from './review-text';

/** The lanes in words: each party's loudness in one sentence, and the call span by span as a table. */
export function ReviewText({
  id,
  timeline,
  durationSec,
  regions,
}: {
  id: string;
  timeline: CallTimeline;
  durationSec: number;
  regions: readonly ReviewRegion[];
}) {
  const rows = reviewSpans(timeline, durationSec, regions);
  return (
    <div className="review-text" data-testid="review-text">
      <p id={id} data-testid="review-summary">
        {partySummary('Caller', timeline.caller.momentary, timeline.stepSec)}{' '}
        {partySummary('You', timeline.agent.momentary, timeline.stepSec)}
      </p>
      <details>
        <summary>Loudness as a table</summary>
        <table className="review-table" data-testid="review-table">
          <caption>
            Each {spanSeconds(durationSec)} s of the call: the loudest moment of each party
            (momentary loudness) and the marked moments that start in it
          </caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Caller</th>
              <th scope="col">You</th>
              <th scope="col">Marked moments</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.from}>
                <th scope="row">{r.from}</th>
                <td>{r.to}</td>
                <td>{r.caller}</td>
                <td>{r.agent}</td>
                <td>{r.moments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
