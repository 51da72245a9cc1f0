import { describe, expect, it } from 'vitest';
import { docxToPdfText, isLibreOfficeSkipped } from '../testing/libreoffice.ts';
import { type ExAnteReportSheet, writeExAnteDocx } from './ex-ante-docx.ts';

const item = (name: string, grade: 'good' | 'poor', score: string, opinion: string | null = null) => ({
  name,
  points: '6.67',
  grade,
  score,
  opinion,
});

const SHEET: ExAnteReportSheet = {
  organisationName: '广州市番禺区科技工业商务和信息化局（示例）',
  projectCode: 'XM2025-031',
  projectName: '智慧停车平台建设项目',
  fiscalYear: 2025,
  funds: '6000000.00',
  total: '52.40',
  conclusion: 'reject',
  concludedAt: '2026-12-01T17:30:00.000Z',
  opinion: '需求测算依据不足，建议补充停车供需调查后重新申报',
  explanation: '评估得分 52.40 分（予以支持不低于 80.00 分，调整后支持不低于 60.00 分），结论：不予支持',
  cutOffs: { support: '80.00', adjust: '60.00' },
  grades: [
    { grade: 'excellent', share: '1' },
    { grade: 'good', share: '0.8' },
    { grade: 'fair', share: '0.6' },
    { grade: 'poor', share: '0.3' },
  ],
  dimensions: [
    {
      name: '立项必要性',
      points: '20.00',
      score: '10.67',
      items: [item('政策相符性', 'good', '5.34'), item('职能相关性', 'good', '5.34'), item('需求迫切性', 'poor', '2.00', '缺少需求调查')],
    },
  ],
};

// LibreOffice on a busy two-core machine: the helper kills soffice after 240 s, the test gives up after 300.
const TIMEOUT_MS = 300_000;

describe('事前绩效评估报告 (.docx)', () => {
  it.skipIf(isLibreOfficeSkipped)(
    'opens in LibreOffice with the project, the conclusion, each sub-item’s grade and opinion, and the next day in Beijing',
    async () => {
      const text = (await docxToPdfText(await writeExAnteDocx(SHEET))).replace(/\s+/gu, '');
      const expected = [
        '智慧停车平台建设项目事前绩效评估报告',
        '不予支持',
        '2026年12月2日',
        '附表：事前绩效评估评分表',
        '需求迫切性',
        '缺少需求调查',
        '52.40',
        '优100%、良80%、中60%、差30%',
      ];
      expect(expected.filter((part) => !text.includes(part))).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
