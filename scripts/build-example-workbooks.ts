// Writes the .xlsx form of each example next to its JSON:
//   node --import tsx scripts/build-example-workbooks.ts
// The JSON is the source; packages/documents/src/workbook/examples.test.ts fails if the committed
// .xlsx no longer reads as the same workbook.
import { readFileSync, writeFileSync } from 'node:fs';
import type { WorkbookJson } from '@jixiao/core';
import { writeWorkbookTemplate, writeWorkbookXlsx } from '@jixiao/documents';

const EXAMPLES = [
  'examples/panyu-2024/panyu-2024',
  'examples/project-2024/digital-training-2024',
  // Layouts of other provinces' forms (docs/scoring.md, 各地表格).
  'examples/forms/flat-county-2024',
  'examples/forms/free-levels-2024',
  'examples/forms/funding-sources-2024',
  'examples/forms/department-own-items-2024',
];

const root = (path: string) => new URL(`../${path}`, import.meta.url);

for (const example of EXAMPLES) {
  const json = JSON.parse(readFileSync(root(`${example}.json`), 'utf8')) as WorkbookJson;
  writeFileSync(root(`${example}.xlsx`), await writeWorkbookXlsx(json));
  console.log(`wrote ${example}.xlsx`);
}
writeFileSync(root('examples/template.xlsx'), await writeWorkbookTemplate());
console.log('wrote examples/template.xlsx');
