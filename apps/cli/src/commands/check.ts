import { evaluateWorkbook, type SchemeId } from '@jixiao/core';
import { EXIT, type ExitCode, type Output } from '../io.ts';
import { loadWorkbook } from '../load.ts';
import { findingsText, reportInvalid } from './evaluate.ts';

export interface CheckOptions {
  readonly file: string;
  readonly scheme?: SchemeId | undefined;
  readonly json: boolean;
  readonly all: boolean;
}

/** Prints the quality findings; an error-level finding makes the exit code 1, so scripts can gate on it. */
export async function checkCommand(options: CheckOptions, out: Output): Promise<ExitCode> {
  const loaded = await loadWorkbook(options.file);
  if (!loaded.ok) return reportInvalid(loaded.problems, options.json, out);
  const { findings } = evaluateWorkbook(loaded.workbook, options.scheme).evaluation;
  out.stdout.write(options.json ? `${JSON.stringify(findings, null, 2)}\n` : `${findingsText(findings, options.all)}\n`);
  return findings.some((entry) => entry.severity === 'error') ? EXIT.invalid : EXIT.ok;
}
