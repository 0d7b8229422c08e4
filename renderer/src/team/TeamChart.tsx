import { useEffect, useId, useMemo, useRef } from 'react';
import type { ChartDataset } from 'chart.js';
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadBlob } from '../export/download';
import { Chart, agentStyle, paperBackground, teamStyle, type SeriesStyle } from './chart-style';
import type { TeamMetricId, TeamTrends, TrendDays, TrendSeries } from './team-series';
import { agentName, chartTable } from './team-chart-table';
import { pointLabel, xLabelBoxes } from './chart-axis';
import type { MessageKey } from '../i18n/catalogue';

interface Props {
  readonly metric: {
    readonly id: TeamMetricId;
    readonly label: MessageKey;
    readonly axis: MessageKey;
    readonly by: TrendDays;
  };
  readonly trends: TeamTrends;
  /** Agents whose lines are shown (the team line always is). */
  readonly shownAgents: ReadonlySet<string>;
  /** Index of each agent in the sorted list of all agents (keeps its style on every chart). */
  readonly agentIndex: ReadonlyMap<string, number>;
}

function dataset(
  series: TrendSeries,
  metric: TeamMetricId,
  range: readonly [number, number],
  label: string,
  style: SeriesStyle,
): ChartDataset<'line', (number | null)[]> {
  // Markers for a few points; a long run is read as a line (a year of weeks: 53 points).
  const radius = range[1] - range[0] + 1 > 40 ? 0 : 3;
  return {
    label,
    data: series.values[metric].slice(range[0], range[1] + 1),
    borderColor: style.colour,
    backgroundColor: style.colour,
    borderWidth: style.width,
    borderDash: style.dash,
    pointStyle: style.pointStyle,
    pointRadius: radius,
    pointHoverRadius: 5,
    spanGaps: false,
    tension: 0,
  };
}

/** One trend chart (chart.js on a canvas) with a "Save PNG" button. */
export function TeamChart({ metric, trends, shownAgents, agentIndex }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'line', (number | null)[], string> | null>(null);
  const intl = useIntl();
  const unit = trends.granularity ?? 'day';
  const label = intl.formatMessage({ id: metric.label });
  const axis = intl.formatMessage({ id: metric.axis });
  const title = intl.formatMessage({ id: 'team.chart.per' }, { metric: label, unit });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const chart = new Chart<'line', (number | null)[], string>(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          title: { display: true, text: label, color: '#1d1f21', font: { size: 14 } },
          // One legend for every chart: "Agents on the charts" above them.
          legend: { display: false },
        },
        scales: {
          x: {
            ticks: {
              color: '#3d4247',
              maxRotation: 0,
              autoSkip: true,
              autoSkipPadding: 12,
            },
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: axis, color: '#3d4247' },
            ticks: {
              color: '#3d4247',
              callback: (value) =>
                typeof value === 'number' ? intl.formatNumber(value) : String(value),
            },
          },
        },
      },
      plugins: [
        paperBackground,
        {
          // The drawn x-axis labels' boxes, for the page to check that none overlap.
          id: 'x-label-boxes',
          afterDraw: (drawn) => {
            drawn.canvas.dataset.xLabels = JSON.stringify(xLabelBoxes(drawn));
          },
        },
      ],
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [label, axis, intl]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    // Only this metric's days (calls, or follow-ups' due days); none at all gives an empty chart.
    const range = trends.ranges[metric.by] ?? [0, -1];
    chart.data.labels = trends.days
      .slice(range[0], range[1] + 1)
      .map((d) => pointLabel(d, unit, intl));
    if (chart.options.plugins?.title) chart.options.plugins.title.text = title;
    chart.data.datasets = [
      dataset(
        trends.team,
        metric.id,
        range,
        intl.formatMessage({ id: 'team.chart.team' }),
        teamStyle(),
      ),
      ...trends.agents
        .filter((a) => a.agent !== null && shownAgents.has(a.agent))
        .map((a) =>
          dataset(
            a,
            metric.id,
            range,
            agentName(a.agent ?? '', intl),
            agentStyle(agentIndex.get(a.agent ?? '') ?? 0),
          ),
        ),
    ];
    chart.update('none');
  }, [trends, shownAgents, agentIndex, metric.id, metric.by, title, unit, intl]);

  const summaryId = useId();
  const table = useMemo(
    () => chartTable(trends, metric, shownAgents, intl),
    [trends, metric, shownAgents, intl],
  );

  const savePng = () => {
    canvasRef.current?.toBlob((blob) => {
      if (blob) downloadBlob(blob, `calm-line-team-${metric.id}.png`);
    }, 'image/png');
  };

  return (
    <figure className="team-chart" data-testid={`chart-${metric.id}`}>
      <div className="team-chart-canvas">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={intl.formatMessage({ id: 'team.chart.label' }, { metric: label, unit })}
          aria-describedby={summaryId}
        />
      </div>
      <figcaption>
        <p id={summaryId} className="team-chart-summary">
          {table.summary}
        </p>
        {table.rows.length > 0 && (
          <details>
            <summary>
              <FormattedMessage id="team.chart.table" />
            </summary>
            <table className="team-chart-table" data-testid={`chart-table-${metric.id}`}>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="team.chart.table.when" values={{ unit }} />
                  </th>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.day}>
                    <th scope="row">{r.label}</th>
                    {r.cells.map((c, i) => (
                      <td key={table.columns[i]}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
        <button type="button" onClick={savePng} data-testid={`save-png-${metric.id}`}>
          <FormattedMessage id="team.chart.save" />
        </button>
      </figcaption>
    </figure>
  );
}
