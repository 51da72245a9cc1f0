import { evaluateWorkbook, parseWorkbook } from '@jixiao/core';
import { medianMs, peakRssMb, report, timed } from '../measure.ts';
import { syntheticWorkbook } from '../synthetic.ts';

const COUNT = 100_000;
const json = syntheticWorkbook(COUNT);
const text = JSON.stringify(json);

const parsed = parseWorkbook(JSON.parse(text));
if (!parsed.ok) throw new Error(`synthetic workbook invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
const workbook = parsed.value;

const first = await timed(() => evaluateWorkbook(workbook));
const evaluateMs = await medianMs(5, () => evaluateWorkbook(workbook));
const parseMs = await medianMs(3, () => parseWorkbook(JSON.parse(text)));
const total = first.result.evaluation.total.final / 100;

report(`evaluate a ${COUNT.toLocaleString('en')}-indicator workbook (total ${total.toFixed(2)})`, [
  { label: 'evaluate (score + checks), median of 5', value: evaluateMs, unit: 'ms', aim: '< 1000 ms' },
  { label: 'evaluate, first (cold) run', value: first.ms, unit: 'ms' },
  { label: 'parse + validate JSON', value: parseMs, unit: 'ms' },
  { label: 'workbook JSON size', value: text.length / 1024 / 1024, unit: 'MB' },
  { label: 'peak memory (maxRSS)', value: peakRssMb(), unit: 'MB' },
]);
