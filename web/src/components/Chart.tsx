/**
 * An ECharts chart (SVG renderer, only the chart kinds the app uses). Its element carries
 * `data-chart` and, once the option is drawn, `data-drawn="true"`.
 *
 * A chart of a page rendered on the server (ssr.tsx) is ECharts' own SVG, drawn there at a
 * nominal width and scaled to the box. The browser keeps that picture until the live chart
 * (tooltips, clicks, the box's real width) is drawn in its place.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useLayoutEffect, useRef, useState } from 'react';
import { PALETTE } from '../theme';
import { takeServerChart } from './chartPictures';

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

const ON_SERVER = typeof window === 'undefined';

function withDefaults(option: ChartOption): ChartOption {
  return { animation: false, color: PALETTE, ...option };
}

/** The chart as an SVG document, drawn without a DOM (ECharts server-side rendering). */
function drawOnServer(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(withDefaults(option));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function Chart({
  option,
  height = 280,
  serverWidth = 400,
  onClick,
  style,
  testId,
}: {
  option: ChartOption;
  height?: number;
  /** The width the server draws the chart at (then scaled to the box), about the box's usual one. */
  serverWidth?: number;
  onClick?: (e: ChartClick) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  // A chart is matched to its server picture by its test id (unique on the page).
  const [picture] = useState(() => {
    if (!testId) return null;
    return ON_SERVER ? drawOnServer(option, serverWidth, height) : takeServerChart(testId);
  });
  const [live, setLive] = useState(false);

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
    chart.current?.setOption(withDefaults(option), true);
    setLive(true);
  }, [option]);

  return (
    <div
      data-chart=""
      data-testid={testId}
      data-drawn={live || picture ? 'true' : undefined}
      data-live={live ? 'true' : undefined}
      style={{ position: 'relative', width: '100%', height, ...style }}
    >
      <div ref={ref} style={{ width: '100%', height: '100%' }} />
      {picture && !live && (
        <div
          className="chart-picture"
          data-chart-picture={testId}
          // ECharts' SVG (it escapes the labels), as the server drew it.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG document from ECharts
          dangerouslySetInnerHTML={{ __html: picture }}
        />
      )}
    </div>
  );
}
