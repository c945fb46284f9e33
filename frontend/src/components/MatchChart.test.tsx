import { render, screen } from '@testing-library/react';
import type { ChartData, ChartOptions } from 'chart.js';
import { describe, expect, it, vi } from 'vitest';
import { makeStats } from '../test/factories';
import { buildMatchChartData } from './chart-data';
import { MatchChart } from './MatchChart';

interface DoughnutProps {
  data: ChartData<'doughnut'>;
  options: ChartOptions<'doughnut'>;
}

const received: DoughnutProps[] = [];

// jsdom has no canvas: stand in for the chart and record what it would draw.
vi.mock('react-chartjs-2', () => ({
  Doughnut: (props: DoughnutProps) => {
    received.push(props);
    return <canvas data-testid="doughnut" />;
  },
}));

describe('buildMatchChartData', () => {
  it('turns bucket counts into shares, legend labels and the average as centre label', () => {
    const chart = buildMatchChartData({ '0_50': 1, '50_80': 2, '80_90': 3, '90_100': 4 }, 82.4);
    expect(chart.counts).toEqual([1, 2, 3, 4]);
    expect(chart.total).toBe(10);
    expect(chart.percentages).toEqual([10, 20, 30, 40]);
    expect(chart.labels).toEqual(['0–50 % · 10 %', '50–80 % · 20 %', '80–90 % · 30 %', '90–100 % · 40 %']);
    expect(chart.centerLabel).toBe('82 %');
  });

  it('rounds shares so they always add up to 100', () => {
    const chart = buildMatchChartData({ '0_50': 1, '50_80': 1, '80_90': 1, '90_100': 0 }, 40);
    expect(chart.percentages.reduce((sum, value) => sum + value, 0)).toBe(100);
    expect(chart.percentages).toEqual([34, 33, 33, 0]);
  });

  it('shows a dash in the centre when there are no candidates', () => {
    const chart = buildMatchChartData({ '0_50': 0, '50_80': 0, '80_90': 0, '90_100': 0 }, null);
    expect(chart.percentages).toEqual([0, 0, 0, 0]);
    expect(chart.centerLabel).toBe('—');
  });
});

describe('MatchChart', () => {
  it('hands the chart the bucket counts, labelled shares and the average match for the centre', () => {
    received.length = 0;
    render(
      <MatchChart
        stats={makeStats({
          total_candidates: 8,
          buckets: { '0_50': 2, '50_80': 2, '80_90': 0, '90_100': 4 },
          average_match: 67.6,
        })}
      />,
    );
    expect(screen.getByTestId('doughnut')).toBeInTheDocument();
    const props = received.at(-1);
    expect(props?.data.datasets[0]?.data).toEqual([2, 2, 0, 4]);
    expect(props?.data.labels).toEqual([
      '0–50 % · 25 %',
      '50–80 % · 25 %',
      '80–90 % · 0 %',
      '90–100 % · 50 %',
    ]);
    expect(props?.options.plugins?.centerLabel?.text).toBe('68 %');
    const legend = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(legend).toEqual(['0–50 %25 %', '50–80 %25 %', '80–90 %0 %', '90–100 %50 %']);
  });

  it('shows an empty state instead of a chart before any candidate is scored', () => {
    received.length = 0;
    render(<MatchChart stats={makeStats()} />);
    expect(screen.queryByTestId('doughnut')).toBeNull();
    expect(received).toHaveLength(0);
    expect(screen.getByText('No scores yet')).toBeInTheDocument();
  });
});
