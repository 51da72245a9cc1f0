import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';

const BIN = new URL('../bin/jixiao.js', import.meta.url).pathname;
const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the command in this process through `main`, with buffers for its output: what the bin does
 * after loading, without starting Node and tsx for every case.
 */
async function jixiao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = { stdout: '', stderr: '' };
  const code = await main(args, {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
  });
  return { code, ...output };
}

/** Runs the real bin in a child process, as a user would: node, tsx's loader, the exit code. */
async function jixiaoBin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

// Starting Node with tsx's loader and compiling the CLI from source takes seconds on a busy machine.
const CHILD_PROCESS_TIMEOUT_MS = 120_000;

describe('the jixiao bin', () => {
  it(
    "writes to stdout and exits with main's code: check prints the findings as JSON and exits 1 on an error",
    async () => {
      const workbook = JSON.parse(readFileSync(join(EXAMPLES, 'project-2024/digital-training-2024.json'), 'utf8'));
      delete workbook.indicators[0].deviationReason;
      writeFileSync(join(dir, 'bin-no-reason.json'), JSON.stringify(workbook));
      const { code, stdout } = await jixiaoBin('check', 'bin-no-reason.json', '--json');
      expect(code).toBe(1);
      expect(JSON.parse(stdout).map((entry: { code: string }) => entry.code)).toContain('MISSING_DEVIATION_REASON');
    },
    CHILD_PROCESS_TIMEOUT_MS,
  );
});

describe('jixiao evaluate', () => {
  it('prints the score table with explanations, total and grade for the Panyu report', async () => {
    const { code, stdout } = await jixiao('evaluate', join(EXAMPLES, 'panyu-2024/panyu-2024.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('广州市番禺区科技工业商务和信息化局 2024年度 部门整体支出绩效自评');
    expect(stdout).toContain('23.39 ≥ 20 → 满分 1.67');
    expect(stdout).toContain('总分 99.52，等级 优');
    expect(stdout).toContain('[警告] TARGET_TOO_LOW');
  });

  it('shows an approved 调整指标值 beside the original target of a filed form', async () => {
    const form = new URL('../../../packages/documents/test/fixtures/guangdong-style-project-2024.json', import.meta.url).pathname;
    const { code, stdout } = await jixiao('evaluate', form);
    expect(code).toBe(0);
    expect(stdout).toContain('≥1500个→≥1200个');
    expect(stdout).toContain('总分 95.30，等级 优');
  });

  it('reads the .xlsx form of the same workbook to the same result', async () => {
    const json = await jixiao('evaluate', join(EXAMPLES, 'panyu-2024/panyu-2024.json'), '--json');
    const xlsx = await jixiao('evaluate', join(EXAMPLES, 'panyu-2024/panyu-2024.xlsx'), '--json');
    expect(xlsx.code).toBe(0);
    expect(JSON.parse(xlsx.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('prints JSON with the total, grade, every score and its explanation, and the findings', async () => {
    const { code, stdout } = await jixiao('evaluate', join(EXAMPLES, 'project-2024/digital-training-2024.json'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.total).toEqual({ computed: '92.13', final: '91.08' });
    expect(result.grade.final).toBe('优');
    expect(result.items.find((item: { id: string }) => item.id === 'O6')).toMatchObject({
      computed: '5.83',
      explanation: { rule: 'quantitative.at-most.ratio', text: '12 > 10 → 7.00 × 10 ÷ 12 = 5.83' },
    });
    expect(Array.isArray(result.findings)).toBe(true);
  });

  it('scores by another scheme on request, and refuses weights that do not fit it', async () => {
    const { code, stdout } = await jixiao(
      'evaluate',
      join(EXAMPLES, 'panyu-2024/panyu-2024.json'),
      '--scheme',
      'mof-2020-project',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.scheme.id).toBe('mof-2020-project');
    expect(result.parts.map((part: { label: string; weight: string }) => [part.label, part.weight])).toEqual([
      ['产出指标', '50.00'],
      ['效益指标', '30.00'],
      ['满意度指标', '10.00'],
      ['预算执行率', '10.00'],
    ]);
    const refused = await jixiao('evaluate', join(EXAMPLES, 'project-2024/digital-training-2024.json'), '--scheme', 'department-overall');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('产出指标各指标分值合计 50.00 分，应为 30.00 分');
  });

  it('writes the report as .docx and HTML containing every goal and indicator', async () => {
    const docx = join(dir, 'panyu.docx');
    const html = join(dir, 'panyu.html');
    const { code, stderr } = await jixiao('evaluate', join(EXAMPLES, 'panyu-2024/panyu-2024.json'), '--docx', docx, '--html', html);
    expect(code).toBe(0);
    expect(stderr).toContain(`已生成 Word 报告：${docx}`);
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    const workbook = JSON.parse(readFileSync(join(EXAMPLES, 'panyu-2024/panyu-2024.json'), 'utf8'));
    for (const goal of workbook.goals) expect(text).toContain(goal.text);
    for (const indicator of workbook.indicators) {
      expect(text).toContain(indicator.name);
      if (indicator.target) expect(text).toContain(`${indicator.target}${indicator.unit}`);
      if (indicator.actual) expect(text).toContain(`${indicator.actual}${indicator.unit}`);
    }
    expect(text).toContain('99.52');
    expect(readFileSync(html, 'utf8')).toContain('<html lang="zh-CN">');
  });
});

describe('bad input', () => {
  it('exits 1, names every problem by JSON path, and writes nothing', async () => {
    const workbook = JSON.parse(readFileSync(join(EXAMPLES, 'panyu-2024/panyu-2024.json'), 'utf8'));
    workbook.indicators[0].actual = '二十三';
    workbook.budget.executed = 300800000;
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(workbook));
    const out = join(dir, 'should-not-exist.docx');
    const { code, stderr, stdout } = await jixiao('evaluate', path, '--docx', out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('输入有误（2 处），未生成任何结果');
    expect(stderr).toContain(
      'indicators[0].actual：指标 G1-1“产业扶持资金促进企业产生工业投资”的实际完成值：读到“二十三”，应为数字，如 "23.39" 或 "-4.53"',
    );
    expect(stderr).toContain(
      'budget.executed：全年执行数：读到数字 300800000，金额请写成带引号的文本（元），如 "300800000.00"，以免小数失真',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 for a weight table that does not add up, saying which level', async () => {
    const workbook = JSON.parse(readFileSync(join(EXAMPLES, 'project-2024/digital-training-2024.json'), 'utf8'));
    workbook.indicators[0].weight = '20';
    const path = join(dir, 'weights.json');
    writeFileSync(path, JSON.stringify(workbook));
    const { code, stderr } = await jixiao('evaluate', path);
    expect(code).toBe(1);
    expect(stderr).toContain('产出指标各指标分值合计 60.00 分，应为 50.00 分');
  });

  it('names the sheet, row and column of a bad .xlsx', async () => {
    const { code, stderr } = await jixiao(
      'evaluate',
      new URL('../../../packages/documents/test/fixtures/many-problems.xlsx', import.meta.url).pathname,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/绩效指标!\w+\d+（/);
  });

  it('says when the file is missing or not JSON', async () => {
    const missing = join(dir, 'missing.json');
    expect((await jixiao('evaluate', missing)).stderr).toContain(`找不到文件：${missing}`);
    writeFileSync(join(dir, 'broken.json'), '{"format":');
    expect((await jixiao('evaluate', join(dir, 'broken.json'))).stderr).toContain('不是有效的 JSON');
  });
});

describe('bad input with --json, for scripts', () => {
  it('prints the problems as JSON on stdout with their JSON paths, and exits 1', async () => {
    const workbook = JSON.parse(readFileSync(join(EXAMPLES, 'project-2024/digital-training-2024.json'), 'utf8'));
    workbook.indicators[1].target = '二十';
    const path = join(dir, 'bad-for-script.json');
    writeFileSync(path, JSON.stringify(workbook));
    const { code, stdout, stderr } = await jixiao('evaluate', path, '--json');
    expect(code).toBe(1);
    const printed = JSON.parse(stdout) as { ok: boolean; problems: { path?: string; message: string; text: string }[] };
    expect(printed.ok).toBe(false);
    expect(printed.problems).toHaveLength(1);
    expect(printed.problems[0]?.path).toBe('indicators[1].target');
    expect(printed.problems[0]?.text).toBe(`indicators[1].target：${printed.problems[0]?.message}`);
    expect(stderr).toContain('输入有误（1 处）');
  });

  it('puts the sheet, row and column of a bad .xlsx cell in each problem', async () => {
    const fixture = new URL('../../../packages/documents/test/fixtures/many-problems.xlsx', import.meta.url).pathname;
    const { code, stdout } = await jixiao('evaluate', fixture, '--json');
    expect(code).toBe(1);
    const { problems } = JSON.parse(stdout) as { problems: { sheet?: string; row?: number; column?: string }[] };
    expect(problems.length).toBeGreaterThan(5);
    expect(problems).toContainEqual(expect.objectContaining({ sheet: '绩效指标', row: expect.any(Number), column: expect.any(String) }));
  });

  it('gives a blocking finding its code and subject', async () => {
    const workbook = JSON.parse(readFileSync(join(EXAMPLES, 'project-2024/digital-training-2024.json'), 'utf8'));
    workbook.indicators[0].weight = '20';
    const path = join(dir, 'weights-for-script.json');
    writeFileSync(path, JSON.stringify(workbook));
    const { code, stdout } = await jixiao('evaluate', path, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).problems).toEqual([expect.objectContaining({ code: 'WEIGHT_SUM_MISMATCH', subject: expect.any(Object) })]);
  });

  it('a file that cannot be read is a problem too', async () => {
    const { code, stdout } = await jixiao('check', join(dir, 'absent.json'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).problems[0].message).toContain('找不到文件');
  });
});

describe('JSON workbooks in other encodings', () => {
  it('reads a GB18030 file with every Chinese string intact', async () => {
    const fixture = new URL('../../../packages/documents/test/fixtures/project-gb18030.json', import.meta.url).pathname;
    const { code, stdout } = await jixiao('evaluate', fixture);
    expect(code).toBe(0);
    expect(stdout).toContain('示例区中小企业服务中心 2024年度 项目支出（中小企业数字化转型培训及服务券项目）绩效自评');
  });

  it('reads a UTF-8 file that starts with a byte-order mark', async () => {
    const path = join(dir, 'bom.json');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(EXAMPLES, 'project-2024/digital-training-2024.json'))]),
    );
    const { code, stdout } = await jixiao('evaluate', path);
    expect(code).toBe(0);
    expect(stdout).toContain('示例区中小企业服务中心');
  });
});

describe('jixiao check and template', () => {
  it('prints findings; exit 1 when there is an error', async () => {
    const clean = await jixiao('check', join(EXAMPLES, 'panyu-2024/panyu-2024.json'));
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('校验发现：错误 0 条，警告 4 条');
    const workbook = JSON.parse(readFileSync(join(EXAMPLES, 'project-2024/digital-training-2024.json'), 'utf8'));
    delete workbook.indicators[0].deviationReason;
    writeFileSync(join(dir, 'no-reason.json'), JSON.stringify(workbook));
    const failing = await jixiao('check', join(dir, 'no-reason.json'), '--json');
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout).map((entry: { code: string }) => entry.code)).toContain('MISSING_DEVIATION_REASON');
  });

  it('writes the blank workbook template', async () => {
    const { code } = await jixiao('template', join(dir, 'blank.xlsx'));
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'blank.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('usage', () => {
  it.each([
    [[], 2],
    [['--help'], 0],
    [['frobnicate', 'x'], 2],
    [['evaluate'], 2],
    [['evaluate', 'a.json', '--scheme', 'nope'], 2],
    [['evaluate', 'a.json', '--colour'], 2],
    [['check', 'a.json', '--docx', 'x.docx'], 2],
  ])('%j exits %i', async (args, expected) => {
    const { code, stdout, stderr } = await jixiao(...args);
    expect(code).toBe(expected);
    expect(stdout + stderr).toContain('用法 / usage');
  });
});
