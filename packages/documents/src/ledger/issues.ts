/**
 * One problem in an imported ledger file, located the way the person who fills it in looks for it:
 * the row number Excel shows, and the column by its header and letter (“金额（E列）”). Row 0 is
 * the file as a whole (not a spreadsheet, wrong encoding); row 1 is the header row.
 */
export interface LedgerIssue {
  readonly row: number;
  readonly column: string;
  /** Chinese, says why. */
  readonly message: string;
}

/** How many issues a job keeps; past that only their number is kept (a 100,000-row file with a wrong column would otherwise store 100,000 messages). */
export const MAX_STORED_ISSUES = 1_000;

/** Issues up to a cap, and the number of those beyond it. */
export class IssueList {
  readonly #items: LedgerIssue[] = [];
  #omitted = 0;

  readonly cap: number;

  constructor(cap: number = MAX_STORED_ISSUES) {
    this.cap = cap;
  }

  add(issue: LedgerIssue): void {
    if (this.#items.length < this.cap) this.#items.push(issue);
    else this.#omitted += 1;
  }

  /** The kept issues in row order (the file's own checks and the database's are found in two passes). */
  get items(): LedgerIssue[] {
    return [...this.#items].sort((a, b) => a.row - b.row);
  }

  get omitted(): number {
    return this.#omitted;
  }

  get total(): number {
    return this.#items.length + this.#omitted;
  }
}

/** Spreadsheet column letters: 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(position: number): string {
  let letters = '';
  for (let rest = position; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** “金额（E列）”, or the header alone for a column the file does not have. */
export function columnLabel(header: string, position: number | undefined): string {
  return position === undefined ? header : `${header}（${columnLetter(position)}列）`;
}
