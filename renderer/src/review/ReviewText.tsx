import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
  const rows = reviewSpans(timeline, durationSec, regions, intl);
  return (
    <div className="review-text" data-testid="review-text">
      <p id={id} data-testid="review-summary">
        {partySummary('caller', timeline.caller.momentary, timeline.stepSec, intl)}{' '}
        {partySummary('agent', timeline.agent.momentary, timeline.stepSec, intl)}
      </p>
      <details>
        <summary>
          <FormattedMessage id="review.table" />
        </summary>
        <table className="review-table" data-testid="review-table">
          <caption>
            <FormattedMessage
              id="review.table.caption"
              values={{ seconds: spanSeconds(durationSec) }}
            />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="review.table.from" />
              </th>
              <th scope="col">
                <FormattedMessage id="review.table.to" />
              </th>
              <th scope="col">
                <FormattedMessage id="review.caller" />
              </th>
              <th scope="col">
                <FormattedMessage id="review.you" />
              </th>
              <th scope="col">
                <FormattedMessage id="review.table.moments" />
              </th>
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
