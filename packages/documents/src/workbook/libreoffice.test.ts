import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseWorkbook } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { isLibreOfficeSkipped } from '../testing/libreoffice.ts';
import { type ExampleName, exampleJson } from './testing.ts';
import { readWorkbookXlsx, writeWorkbookTemplate, writeWorkbookXlsx } from './xlsx.ts';

/**
 * A second spreadsheet program must open what we write: LibreOffice exports every sheet to CSV,
 * and re-saves the workbook as .xlsx for our reader to read back.
 */

const INSTALL = 'apt-get install libreoffice-calc-nogui';
// A cold LibreOffice start on a fresh profile takes a few seconds idle and up to a minute on a busy
// two-core machine; soffice is killed after SOFFICE_TIMEOUT_MS, the test gives up after TIMEOUT_MS.
const SOFFICE_TIMEOUT_MS = 240_000;
const TIMEOUT_MS = 300_000;
/** Comma-separated, UTF-8 (76), cells as shown, and sheet -1: every sheet to its own <file>-<sheet>.csv (LibreOffice 7.4+). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const XLSX_FILTER = 'xlsx:Calc MS Excel 2007 XML';

/** Runs soffice on one file in a directory of its own, with a profile of its own (two soffice processes on one profile block each other). */
async function convert(bytes: Uint8Array, filter: string): Promise<{ dir: string; files: string[] }> {
  if (!(await isOnPath('soffice')))
    throw new Error(`soffice is not installed: ${INSTALL} (or set JIXIAO_SKIP_LIBREOFFICE=1 to skip this test)`);
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-xlsx-'));
  const input = join(dir, 'in', 'workbook.xlsx');
  const out = join(dir, 'out');
  await mkdir(join(dir, 'in'));
  await writeFile(input, bytes);
  const profile = pathToFileURL(join(dir, 'profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, input]);
  // soffice exits 0 even when it could not read the file, so the output is the only proof.
  const files = await readdir(out).catch(() => []);
  if (files.length === 0) throw new Error('LibreOffice wrote nothing for the .xlsx');
  return { dir, files: files.map((file) => join(out, file)) };
}

async function csvSheets(bytes: Uint8Array): Promise<Map<string, string>> {
  const { dir, files } = await convert(bytes, CSV_FILTER);
  try {
    const sheets = new Map<string, string>();
    for (const file of files) {
      const sheet = /workbook-(.+)\.csv$/.exec(file)?.[1];
      if (sheet) sheets.set(sheet, await readFile(file, 'utf8'));
    }
    return sheets;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function resaved(bytes: Uint8Array): Promise<Uint8Array> {
  const { dir, files } = await convert(bytes, XLSX_FILTER);
  try {
    const [file] = files;
    if (!file) throw new Error('LibreOffice wrote no .xlsx');
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: SOFFICE_TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}

async function isOnPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      await access(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

describe.skipIf(isLibreOfficeSkipped)('LibreOffice opens the .xlsx workbook', () => {
  it(
    'shows every sheet of the Panyu workbook, with money and values exactly as written',
    async () => {
      const sheets = await csvSheets(await writeWorkbookXlsx(exampleJson('panyu')));
      expect([...sheets.keys()].sort()).toEqual(
        ['基本信息', '填表说明', '报告文字', '管理效率', '绩效指标', '绩效目标', '预算执行'].sort(),
      );
      const lines = (sheet: string) => (sheets.get(sheet) ?? '').split('\n');
      expect(lines('预算执行').slice(1, 5)).toEqual([
        '年初预算数,288000000.00,必填。元，最多两位小数，如 288000000.00',
        '上年结转,20000000.00,元；没有可不填（按 0 计）',
        '全年预算数（调整后）,320000000.00,必填。元，调整后预算数，含上年结转',
        '全年执行数,305504000.00,必填。元',
      ]);
      expect(lines('绩效指标')[5]).toBe(
        'G1-5,G1,产出,成本,项目资金成本控制,≤,0,%,-4.53,不超预算,实际按规定控制和支付，成本控制率-4.53%,,,,,,,,,,,,,,,',
      );
      expect(lines('基本信息')[9]).toBe('填报日期,2025-06-20,必填。如 2025-06-20 或 2025年6月20日');
      expect(lines('管理效率')[5]).toBe('three-public-change-rate,“三公”经费变动率,,,,,412300.00,436800.00,,,,,,,,,,是,,,,,,,,,,,');
    },
    TIMEOUT_MS,
  );

  it.each<ExampleName>(['panyu', 'project'])(
    'reads the %s workbook back after LibreOffice re-saves it',
    async (name) => {
      const result = await readWorkbookXlsx(await resaved(await writeWorkbookXlsx(exampleJson(name))));
      if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
      const direct = parseWorkbook(exampleJson(name));
      if (!direct.ok) throw new Error(`${name} example is not valid`);
      expect(result.workbook).toEqual(direct.value);
    },
    TIMEOUT_MS,
  );

  it(
    'opens the blank template with the catalogue pre-filled',
    async () => {
      const sheets = await csvSheets(await writeWorkbookTemplate());
      expect(sheets.get('管理效率')?.split('\n')[2]).toBe('carry-over-rate,结转结余率,,,,,,,,,,,,,,,,,,,,,,,,,,,');
    },
    TIMEOUT_MS,
  );
});
