/**
 * How the team charts tell agents apart without relying on colour alone: the Okabe–Ito palette (distinct
 * under protanopia, deuteranopia and tritanopia), plus a point style and a dash pattern per agent. The
 * team line is black, solid and thicker. An agent keeps the same style on every chart (index by name).
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type Plugin,
  type PointStyle,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
  Title,
);

export const TEAM_COLOUR = '#000000';
export const AGENT_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
] as const;
export const AGENT_POINT_STYLES: readonly PointStyle[] = [
  'rect',
  'triangle',
  'rectRot',
  'star',
  'crossRot',
  'rectRounded',
  'cross',
];
export const AGENT_DASHES: readonly number[][] = [
  [6, 3],
  [2, 2],
  [10, 3, 2, 3],
  [],
  [12, 4],
  [4, 4],
  [1, 3],
];

export interface SeriesStyle {
  readonly colour: string;
  readonly pointStyle: PointStyle;
  readonly dash: number[];
  readonly width: number;
}

export function teamStyle(): SeriesStyle {
  return { colour: TEAM_COLOUR, pointStyle: 'circle', dash: [], width: 3 };
}

/** Style of the agent at `index` in the sorted agent list. Colours, points and dashes cycle at different
 * lengths (7, 7, 7 offset), so the first 49 agents all differ in at least one of them. */
export function agentStyle(index: number): SeriesStyle {
  return {
    colour: AGENT_COLOURS[index % AGENT_COLOURS.length],
    pointStyle:
      AGENT_POINT_STYLES[
        (index + Math.floor(index / AGENT_COLOURS.length)) % AGENT_POINT_STYLES.length
      ],
    dash: AGENT_DASHES[index % AGENT_DASHES.length],
    width: 2,
  };
}

/** Paints the canvas white under the chart, so a saved PNG is readable anywhere (not transparent). */
export const paperBackground: Plugin<'line'> = {
  id: 'calm-line-paper',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export { Chart };
