import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only what the console draws: a smaller bundle than all of ECharts.
echarts.use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts chart that follows its option and its container's size. */
export function EChart({ option, style, testId }: { option: ChartOption; style?: CSSProperties; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const el = ref.current;
    const instance = echarts.init(el);
    chart.current = instance;
    // Whether the drawing (its entry animation too) is finished: what a screenshot waits for.
    instance.on('finished', () => el.setAttribute('data-chart-drawn', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    ref.current?.setAttribute('data-chart-drawn', 'false');
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} data-testid={testId} data-chart-drawn='false' style={{ width: '100%', height: 320, ...style }} />;
}
