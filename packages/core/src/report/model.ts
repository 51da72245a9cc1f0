/**
 * A report is a list of blocks: pure data that the .docx and HTML renderers turn into bytes. The
 * numbering (一、（一）1.（1）) is part of the text, as in a 公文, so every renderer shows the same.
 */
export type Block =
  | { readonly type: 'title'; readonly text: string }
  | { readonly type: 'fields'; readonly rows: readonly (readonly [label: string, value: string])[] }
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | {
      readonly type: 'table';
      readonly caption: string;
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly string[])[];
      /** Columns whose equal consecutive cells are merged vertically (一级/二级指标). */
      readonly mergeColumns?: readonly number[];
      /** The last row is a total row, printed in bold. */
      readonly totalRow?: boolean;
    }
  | { readonly type: 'chart'; readonly title: string; readonly bars: readonly ChartBar[] }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'page-break' };

export interface TableColumn {
  readonly title: string;
  /** Relative width; the renderers scale the columns to the page. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

/** One bar of a score chart: the score reached against the points available. */
export interface ChartBar {
  readonly label: string;
  readonly value: number;
  readonly max: number;
}

export interface ReportModel {
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly meta: {
    readonly organisation: string;
    readonly fiscalYear: number;
    readonly kind: 'department' | 'project';
    readonly total: string;
    readonly grade: string;
  };
}

/** All the text of a report in reading order, one line per paragraph, table row or field. */
export function reportText(model: ReportModel): string {
  const lines: string[] = [];
  for (const block of model.blocks) {
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'paragraph':
      case 'note':
        lines.push(block.text);
        break;
      case 'fields':
        for (const [label, value] of block.rows) lines.push(`${label}：${value}`);
        break;
      case 'table':
        lines.push(block.caption, block.columns.map((column) => column.title).join('\t'));
        for (const row of block.rows) lines.push(row.join('\t'));
        break;
      case 'chart':
        lines.push(block.title);
        break;
      case 'page-break':
        break;
    }
  }
  return lines.join('\n');
}
