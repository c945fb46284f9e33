import type { Stats } from '@shortlist/contracts';
import {
  ArcElement,
  Chart as ChartJS,
  Legend,
  Tooltip,
  type ChartOptions,
  type ChartType,
  type Plugin,
} from 'chart.js';
import { useMemo } from 'react';
import { Doughnut } from 'react-chartjs-2';
import { formatInteger, formatPercent } from '../lib/format';
import { BUCKETS, buildMatchChartData } from './chart-data';
import { Card, EmptyState } from './ui';
import { ChartIcon } from './icons';

ChartJS.register(ArcElement, Tooltip, Legend);

declare module 'chart.js' {
  // The type parameter must match chart.js's declaration for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    /** Text for the doughnut's hole (the average match); read by centerLabelPlugin. */
    centerLabel?: { text: string; caption: string };
  }
}

/** Draws the average match in the doughnut's hole; chart.js has no built-in centre text. */
export const centerLabelPlugin: Plugin<'doughnut', { text: string; caption: string }> = {
  id: 'centerLabel',
  afterDatasetsDraw(chart, _args, options) {
    const arc = chart.getDatasetMeta(0).data[0];
    if (!arc || !options.text) {
      return;
    }
    const { x, y } = arc.getProps(['x', 'y'], true) as { x: number; y: number };
    const { ctx } = chart;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#0f172a';
    ctx.font = '600 26px Inter, ui-sans-serif, system-ui, sans-serif';
    ctx.fillText(options.text, x, y - 8);
    ctx.fillStyle = '#64748b';
    ctx.font = '500 12px Inter, ui-sans-serif, system-ui, sans-serif';
    ctx.fillText(options.caption, x, y + 16);
    ctx.restore();
  },
};

const plugins = [centerLabelPlugin];

export function MatchChart({ stats, isCompact = false }: { stats: Stats; isCompact?: boolean }) {
  const chart = useMemo(() => buildMatchChartData(stats.buckets, stats.average_match), [stats]);
  const data = useMemo(
    () => ({
      labels: chart.labels,
      datasets: [
        {
          data: chart.counts,
          backgroundColor: chart.colors,
          borderColor: '#ffffff',
          borderWidth: 2,
          hoverOffset: 6,
        },
      ],
    }),
    [chart],
  );

  // Stable options: a new object each render would make react-chartjs-2 re-animate the chart on every update.
  const options = useMemo<ChartOptions<'doughnut'>>(
    () => ({
      responsive: true,
      maintainAspectRatio: false,
      cutout: '68%',
      // No animation: a resize (rotation, window, full-page capture) otherwise redraws the ring mid-animation,
      // shrunken off-centre; the figures matter more than the motion.
      animation: false,
      plugins: {
        centerLabel: { text: chart.centerLabel, caption: 'average match' },
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => ` ${formatInteger(item.parsed)} candidates`,
          },
        },
      },
    }),
    [chart.centerLabel],
  );

  return (
    <Card
      title="Match distribution"
      actions={<span className="text-xs text-slate-600">{formatInteger(chart.total)} candidates</span>}
    >
      {chart.total === 0 ? (
        <EmptyState icon={<ChartIcon className="size-6" />} title="No scores yet">
          The chart fills in as resumes are screened.
        </EmptyState>
      ) : (
        <>
          <div className={`relative mx-auto max-w-xs ${isCompact ? 'h-44' : 'h-64'}`}>
            {/* react-chartjs-2 gives the canvas role="img"; its name says what the picture shows. */}
            <Doughnut
              data={data}
              plugins={plugins}
              options={options}
              aria-label={`Match distribution: average match ${chart.centerLabel}; ${BUCKETS.map((bucket, index) => `${bucket.range}: ${formatPercent(chart.percentages[index] ?? 0)}`).join(', ')}`}
            />
          </div>
          <ul className={`grid gap-2 text-sm ${isCompact ? 'mt-3 grid-cols-1' : 'mt-5 grid-cols-2'}`} aria-label="Score buckets">
            {BUCKETS.map((bucket, index) => (
              <li
                key={bucket.key}
                className="flex items-center gap-1.5 rounded-lg bg-slate-50 px-2 py-1.5"
                title={`${formatInteger(chart.counts[index] ?? 0)} candidates`}
              >
                <span
                  className="size-2.5 shrink-0 rounded-full"
                  style={{ backgroundColor: bucket.color }}
                  aria-hidden="true"
                />
                <span className="text-xs whitespace-nowrap text-slate-700">{bucket.range}</span>
                <span className="ml-auto font-semibold whitespace-nowrap text-slate-900 tabular-nums">
                  {formatPercent(chart.percentages[index] ?? 0)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
