/**
 * ECharts options of the app's bar charts, built in one place: a category axis, a value axis and
 * one series of bars, coloured all alike or bar by bar. (Types only from echarts: the pages build
 * options without loading the chart code.)
 */
import type { ChartOption } from './Chart';

export interface BarChartSpec {
  /** Category axis labels, one per bar. */
  categories: string[];
  values: number[];
  /** The colour of every bar, or a function giving each bar its colour. */
  color: string | ((index: number) => string | undefined);
  /** Categories on the vertical axis (bars grow to the right). */
  horizontal?: boolean;
  /** Whole numbers on the value axis (counts). */
  counts?: boolean;
  /** Name of the value axis (a unit of measure). */
  valueName?: string;
  grid: { left: number; right: number; top: number; bottom: number };
  barMaxWidth: number;
  /** Label options of the category axis (rotation, truncation). */
  categoryLabel?: Record<string, unknown>;
  /** Default: the axis tooltip. */
  tooltip?: Record<string, unknown>;
  /** Labels on the bars, mark lines: merged into the series. */
  series?: Record<string, unknown>;
}

export function barChart(spec: BarChartSpec): ChartOption {
  const category = {
    type: 'category',
    data: spec.categories,
    ...(spec.categoryLabel ? { axisLabel: spec.categoryLabel } : {}),
  };
  const value = {
    type: 'value',
    ...(spec.counts ? { minInterval: 1 } : {}),
    ...(spec.valueName ? { name: spec.valueName } : {}),
  };
  const { color } = spec;
  return {
    tooltip: spec.tooltip ?? { trigger: 'axis' },
    grid: spec.grid,
    xAxis: spec.horizontal ? value : category,
    yAxis: spec.horizontal ? category : value,
    series: [
      {
        type: 'bar',
        barMaxWidth: spec.barMaxWidth,
        ...(typeof color === 'string'
          ? { data: spec.values, itemStyle: { color } }
          : { data: spec.values.map((v, i) => ({ value: v, itemStyle: { color: color(i) } })) }),
        ...spec.series,
      },
    ],
  };
}
