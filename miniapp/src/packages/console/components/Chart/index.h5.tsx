import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { COLOURS } from '../../../../styles/tokens';
import { percent, type ChartProps } from './types';
import './index.scss';

// Only what the console draws: bars, a line, axes and tooltips, as SVG (no canvas sizing quirks).
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A chart drawn by ECharts in the H5 console; loaded only with the console's subpackage. */
export function Chart({ kind, label, categories, values }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Redrawn when the figures change, not on every render of the page around it.
  const figures = JSON.stringify([kind, label, categories, values]);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => percent(typeof value === 'number' ? value / 100 : null) },
      xAxis: {
        type: 'category',
        data: [...categories],
        axisLabel: { color: COLOURS.muted },
        axisLine: { lineStyle: { color: COLOURS.line } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: COLOURS.muted, formatter: '{value}%' },
        splitLine: { lineStyle: { color: COLOURS.line } },
      },
      series: [
        {
          type: kind,
          name: label,
          data: values.map((value) => (value === null ? null : Math.round(value * 1000) / 10)),
          itemStyle: { color: COLOURS.red },
          lineStyle: { color: COLOURS.red },
          barMaxWidth: 40,
          connectNulls: false,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [figures]);
  return <div ref={box} className="zj-chart" role="img" aria-label={label} />;
}
