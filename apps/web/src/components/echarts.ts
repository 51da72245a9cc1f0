import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption, ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the app draws is bundled. SVG, not canvas: any page may be printed or saved as PDF, and
// SVG stays sharp there with selectable Chinese labels (stack-notes gotcha 10).
use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

export { init };

/**
 * A decimal string from the API as a bar height. Charts need numbers; this is display only and
 * never feeds arithmetic whose result is shown as a figure.
 */
export function chartValue(text: string | null | undefined): number {
  if (text === null || text === undefined) return 0;
  const value = Number(text);
  return Number.isFinite(value) ? value : 0;
}
