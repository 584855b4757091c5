/**
 * An ECharts chart (SVG renderer, only the chart kinds the app uses). Its element carries
 * `data-chart` and, once the option is drawn, `data-drawn="true"`.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useLayoutEffect, useRef } from 'react';
import { PALETTE } from '../theme';

// Only what the pages draw: every chart kind and component registered here is code to load.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  data: unknown;
}

export function Chart({
  option,
  height = 280,
  onClick,
  style,
  testId,
}: {
  option: ChartOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  // Layout effects: the chart is drawn in the same frame as the page around it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as unknown as ChartClick));
    // The observer also reports the size the chart was just laid out at: only a change redraws it.
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (box && Math.abs(box.width - c.getWidth()) < 1 && Math.abs(box.height - c.getHeight()) < 1) return;
      c.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    chart.current?.setOption({ animation: false, color: PALETTE, ...option }, true);
    if (ref.current) ref.current.dataset.drawn = 'true';
  }, [option]);

  return <div ref={ref} data-chart="" data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
