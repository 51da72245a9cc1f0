import { buildReportModel, evaluateWorkbook, parseWorkbook } from '@jixiao/core';
import { renderDocx, renderHtml } from '@jixiao/documents';
import { medianMs, peakRssMb, report, timed } from '../measure.ts';
import { syntheticWorkbook } from '../synthetic.ts';

const COUNT = 1_000;
const parsed = parseWorkbook(syntheticWorkbook(COUNT));
if (!parsed.ok) throw new Error('synthetic workbook invalid');
const { evaluation } = evaluateWorkbook(parsed.value);
const model = buildReportModel(parsed.value.input, evaluation);

const first = await timed(() => renderDocx(model));
const docxMs = await medianMs(3, () => renderDocx(model));
const htmlMs = await medianMs(3, () => renderHtml(model));
const modelMs = await medianMs(3, () => buildReportModel(parsed.value.input, evaluation));

report(`render a ${COUNT.toLocaleString('en')}-indicator report`, [
  { label: '.docx, median of 3', value: docxMs, unit: 'ms', aim: '< 2000 ms' },
  { label: '.docx, first (cold) run', value: first.ms, unit: 'ms' },
  { label: '.docx size', value: first.result.byteLength / 1024, unit: 'KB' },
  { label: 'HTML, median of 3', value: htmlMs, unit: 'ms' },
  { label: 'report model', value: modelMs, unit: 'ms' },
  { label: 'peak memory (maxRSS)', value: peakRssMb(), unit: 'MB' },
]);
