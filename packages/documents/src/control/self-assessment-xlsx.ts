import ExcelJS from 'exceljs';
/** What the sheet shows; the server's assessment view has this shape. */
export interface SelfAssessmentSheet {
  readonly items: readonly {
    readonly level: 'unit' | 'business';
    readonly category: string;
    readonly code: string;
    readonly name: string;
    readonly points: string;
    readonly prefill:
      | { readonly kind: 'score'; readonly score: string; readonly basis: string }
      | { readonly kind: 'manual' }
      | { readonly kind: 'not-applicable'; readonly basis: string };
    readonly score: string | null;
    readonly notApplicable: boolean;
    readonly note: string | null;
  }[];
  readonly unit: { readonly score: string; readonly points: string };
  readonly business: { readonly score: string; readonly points: string };
  readonly total: string;
  readonly explanation: string;
}

/** The assessment as a workbook a unit can file: one row per item, the basis of every pre-filled score. */
export async function writeSelfAssessmentXlsx(assessment: SelfAssessmentSheet): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('内部控制基础性评价');
  sheet.columns = [
    { header: '层面', key: 'level', width: 10 },
    { header: '类别', key: 'category', width: 22 },
    { header: '编号', key: 'code', width: 8 },
    { header: '评价项目', key: 'name', width: 44 },
    { header: '分值', key: 'points', width: 8 },
    { header: '系统预填', key: 'prefill', width: 10 },
    { header: '预填依据', key: 'basis', width: 50 },
    { header: '得分', key: 'score', width: 8 },
    { header: '说明', key: 'note', width: 30 },
  ];
  for (const item of assessment.items) {
    sheet.addRow({
      level: item.level === 'unit' ? '单位层面' : '业务层面',
      category: item.category,
      code: item.code,
      name: item.name,
      points: item.points,
      prefill: item.prefill.kind === 'score' ? item.prefill.score : item.prefill.kind === 'not-applicable' ? '不适用' : '待评',
      basis: item.prefill.kind === 'manual' ? '系统无法判断，由单位评分' : item.prefill.basis,
      score: item.notApplicable ? '不适用' : (item.score ?? ''),
      note: item.note ?? '',
    });
  }
  sheet.addRow({});
  sheet.addRow({ name: '单位层面得分', score: assessment.unit.score, points: assessment.unit.points });
  sheet.addRow({ name: '业务层面得分', score: assessment.business.score, points: assessment.business.points });
  sheet.addRow({ name: '总分（剔除不适用项目后折算）', score: assessment.total, note: assessment.explanation });
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
