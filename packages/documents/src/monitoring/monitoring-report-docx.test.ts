import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToPdfText, isLibreOfficeSkipped } from '../testing/libreoffice.ts';
import { type MonitoringReportSheet, writeMonitoringReportDocx } from './monitoring-report-docx.ts';

const indicator = (name: string, light: 'green' | 'yellow' | 'red', extra: { reasons?: string; measures?: string } = {}) => ({
  level1: '产出指标',
  name,
  target: '≥12期',
  actual: light === 'red' ? '2期' : '9期',
  forecast: '12期',
  lightLabel: { green: '绿灯', yellow: '黄灯', red: '红灯' }[light],
  light,
  explanation: `${name}按进度应完成 7 期，实际 ${light === 'red' ? 2 : 9} 期。`,
  reasons: extra.reasons ?? '',
  likelihood: '有可能',
  measures: extra.measures ?? '',
});

const SHEET: MonitoringReportSheet = {
  departmentName: '广州市番禺区科技工业商务和信息化局',
  taskTitle: '2026 年 1—11 月绩效运行监控',
  fiscalYear: 2026,
  cutoffDate: '2026-11-30',
  cutoffMonth: 11,
  forms: [
    {
      title: '中小企业数字化转型培训项目',
      organisationName: '番禺区中小企业服务中心',
      kind: 'project',
      lightLabel: '红灯',
      adjusted: '2,000,000.00',
      spent: '1,050,000.00',
      executionRate: '52.50',
      timeProgress: '91.67',
      budgetLightLabel: '黄灯',
      budgetExplanation: '执行率 52.50% ÷ 序时进度 91.67% = 57.27%。',
      indicators: [
        indicator('培训场次', 'red', { reasons: '经费保障', measures: '12 月集中安排 4 期线上培训' }),
        indicator('服务企业数', 'green'),
      ],
      warnings: ['按用款计划和当前进度，预计 12 月支付占全年 35%，存在年末突击支付风险。'],
    },
  ],
};

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
}

describe('the department’s monitoring report (.docx)', () => {
  it('follows the official structure and carries every red or yellow line with its reason and measure', async () => {
    const xml = await documentXml(await writeMonitoringReportDocx(SHEET));
    for (const part of ['一、基本情况', '二、预算执行情况', '三、绩效目标实现情况', '四、存在的问题及原因', '五、下一步措施'])
      expect(xml).toContain(part);
    expect(xml).toContain('1,050,000.00');
    expect(xml).toContain('52.50%');
    expect(xml).toContain('偏差原因：经费保障');
    expect(xml).toContain('12 月集中安排 4 期线上培训');
    expect(xml).toContain('年末突击支付');
    // A green line is not a problem to report.
    expect(xml).not.toContain('“服务企业数”：绿灯');
    expect(xml).toContain('财预〔2019〕136号');
  });

  it('says so when nothing needs a warning', async () => {
    const calm: MonitoringReportSheet = {
      ...SHEET,
      forms: SHEET.forms.map((form) => ({
        ...form,
        budgetLightLabel: '绿灯',
        indicators: [indicator('服务企业数', 'green')],
        warnings: [],
      })),
    };
    expect(await documentXml(await writeMonitoringReportDocx(calm))).toContain('均未发现需要预警的偏差');
  });

  it.skipIf(isLibreOfficeSkipped)(
    'opens in LibreOffice',
    async () => {
      const text = (await docxToPdfText(await writeMonitoringReportDocx(SHEET))).replace(/\s+/gu, '');
      expect(text).toContain('广州市番禺区科技工业商务和信息化局2026年度绩效运行监控报告');
      expect(text).toContain('五、下一步措施');
    },
    300_000,
  );
});
