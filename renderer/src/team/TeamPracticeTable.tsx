import { FormattedMessage, useIntl } from 'react-intl';
import type { TeamPracticeFigures } from '../../../preload/contract/team-store-schema';

/**
 * The agents' rehearsals (Practice) from the team store, apart from the calls: how many, and of their
 * caller turns how many the agent waited for, answered softly, talked over. Never counted in the call
 * figures, the charts or the sessions above; only the days, team and agent filters apply.
 */
export function TeamPracticeTable({
  practice,
}: {
  readonly practice: readonly TeamPracticeFigures[];
}) {
  const intl = useIntl();
  const share = (n: number, of: number) =>
    of === 0 ? '—' : intl.formatNumber(n / of, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="panel" aria-labelledby="team-practice-title" data-testid="team-practice">
      <h3 id="team-practice-title">
        <FormattedMessage id="team.practice.title" />
      </h3>
      <p className="muted">
        <FormattedMessage id="team.practice.help" />
      </p>
      {practice.length === 0 ? (
        <p className="muted" data-testid="team-practice-none">
          <FormattedMessage id="team.practice.none" />
        </p>
      ) : (
        <table className="team-table team-practice-table">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="team.sessions.agent" />
              </th>
              <th scope="col">
                <FormattedMessage id="team.practice.rehearsals" />
              </th>
              <th scope="col">
                <FormattedMessage id="team.practice.waited" />
              </th>
              <th scope="col">
                <FormattedMessage id="team.practice.softly" />
              </th>
              <th scope="col">
                <FormattedMessage id="team.practice.talked-over" />
              </th>
              <th scope="col" className="team-practice-last">
                <FormattedMessage id="team.practice.last" />
              </th>
            </tr>
          </thead>
          <tbody>
            {practice.map((row) => (
              <tr key={row.agent} data-testid="team-practice-row">
                <td>{row.agent}</td>
                <td className="num">{intl.formatNumber(row.rehearsals)}</td>
                <td className="num">{share(row.waited, row.turns)}</td>
                <td className="num">{share(row.answeredSoftly, row.turns)}</td>
                <td className="num">{intl.formatNumber(row.talkedOver)}</td>
                <td className="team-practice-last">
                  {intl.formatDate(row.lastAt, { dateStyle: 'short', timeStyle: 'short' })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
