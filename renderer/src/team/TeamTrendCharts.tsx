/**
 * The team's trend charts with the agents to show on them: the team line always, each agent's line
 * toggled by its checkbox. Both team views (imported files and the team store) show trends this way.
 */
import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { agentStyle } from './chart-style';
import { TeamChart } from './TeamChart';
import { agentName } from './team-chart-table';
import { TEAM_METRICS, type TeamTrends } from './team-series';

export function TeamTrendCharts({ trends, idPrefix }: { trends: TeamTrends; idPrefix: string }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const agents = useMemo(() => trends.agents.map((a) => a.agent ?? ''), [trends]);
  const agentIndex = useMemo(() => new Map(agents.map((a, i) => [a, i])), [agents]);
  const shown = useMemo(() => new Set(agents.filter((a) => !hidden.has(a))), [agents, hidden]);
  const toggle = (agent: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(agent)) next.delete(agent);
      else next.add(agent);
      return next;
    });
  const titleId = `${idPrefix}-agents-title`;
  const intl = useIntl();
  return (
    <>
      <section className="panel" aria-labelledby={titleId}>
        <h3 id={titleId}>
          <FormattedMessage id="team.agents.title" />
        </h3>
        <div className="team-agents" data-testid="team-agents">
          <span className="team-agent">
            <span className="swatch team" aria-hidden="true" />{' '}
            <FormattedMessage id="team.agents.team" />
          </span>
          {agents.map((a, i) => (
            <label key={a} className="team-agent">
              <input type="checkbox" checked={!hidden.has(a)} onChange={() => toggle(a)} />
              <span
                className="swatch"
                aria-hidden="true"
                style={{ borderColor: agentStyle(i).colour }}
              />{' '}
              {agentName(a, intl)}
            </label>
          ))}
        </div>
      </section>
      <section
        className="team-charts"
        aria-label={intl.formatMessage(
          { id: 'team.trends' },
          { unit: trends.granularity ?? 'day' },
        )}
      >
        {TEAM_METRICS.map((metric) => (
          <TeamChart
            key={metric.id}
            metric={metric}
            trends={trends}
            shownAgents={shown}
            agentIndex={agentIndex}
          />
        ))}
      </section>
    </>
  );
}
