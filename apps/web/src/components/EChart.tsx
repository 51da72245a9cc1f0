import type { ECharts } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { type ChartOption, init } from './echarts.ts';

interface Props {
  readonly option: ChartOption;
  readonly height?: number;
  /** What the chart shows, for screen readers and as the SVG's label. */
  readonly label: string;
  readonly testId?: string;
}

/** An ECharts chart that follows its container's size and is disposed with the component. */
export function EChart({ option, height = 280, label, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    // Printing changes the page width without a resize of the container's observer in every browser.
    window.addEventListener('beforeprint', resize);
    return () => {
      window.removeEventListener('beforeprint', resize);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
