// Regenerates docs/evaluation-workbook.schema.json from the zod schema in @jixiao/core.
import { writeFileSync } from 'node:fs';
import { workbookJsonSchema } from '@jixiao/core';

const target = new URL('../docs/evaluation-workbook.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(workbookJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
