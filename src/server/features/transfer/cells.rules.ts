/**
 * What a spreadsheet cell says, read as the person who typed it meant it (issue 13 item 16).
 *
 * A spreadsheet keeps a typed "5%" as the number 0.05 in a percent format, "012345" as the
 * number 12345, and a 19-digit bank account as a number holding its first 15 digits only
 * (4755020125684690000). Reading the bare number imports 0.05 %, a five-digit postcode and a
 * wrong account without a word. So a cell is read with its number format, and a text column
 * refuses the numbers whose typed text is lost, saying how to enter them.
 */

/** A spreadsheet number as its shortest decimal text, without binary noise (a spreadsheet keeps 15 digits). */
export function numberText(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}

/**
 * The parts of a number format that are printed as they are — "quoted text", \x escapes,
 * [colour/locale/condition] brackets, _x spacing and *x fill — taken out, leaving the codes.
 */
function formatCodes(numFmt: string): string {
  return numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
}

/** Whether a number format scales by 100 and shows a percent sign ("0%", "0.00%", "#,##0.0%;[Red]-0.0%"). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && formatCodes(numFmt).includes('%');
}

/** A format of zeros only ("000000") pads a whole number to its length: how a sheet shows a postcode kept as a number. */
function zeroPadding(numFmt: string | undefined): number {
  return numFmt && /^0+$/.test(formatCodes(numFmt)) ? formatCodes(numFmt).length : 0;
}

/**
 * A number cell as the text its format shows where that text is what was typed: a fraction in a
 * percent format is the percentage ("5%"), a whole number in a zero-padded format is padded
 * ("012345"). Any other number stays a number.
 */
export function formattedNumber(n: number, numFmt: string | undefined): number | string {
  if (!Number.isFinite(n)) return n;
  if (isPercentFormat(numFmt)) return `${numberText(n * 100)}%`;
  const width = zeroPadding(numFmt);
  if (width && Number.isSafeInteger(n) && n >= 0) return String(n).padStart(width, '0');
  return n;
}

/** Whole numbers of 16 digits or more: a spreadsheet number keeps 15, so the rest may be gone. */
export const EXACT_DIGITS = 15;

/** Excel's way of showing a long number in the General format, as a CSV saved from it carries it: 4.75502E+18. */
const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?E\+?\d+$/i;

export type TextProblem = { problem: 'lostDigits' } | { problem: 'lostLeadingZero'; length: number };

/**
 * The text of a cell in a text column, or why it cannot be trusted. `length` is the fixed number
 * of digits of a code column (a postcode's 6): a number, or digits only, shorter than that lost
 * its leading zeros. A number of 16 or more digits (or beyond the safe integers) lost digits; so
 * did a long number a CSV carries in scientific notation.
 */
export function textOfCell(cell: string | number, length?: number): { text: string } | TextProblem {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || (Number.isInteger(cell) && Math.abs(cell) >= 10 ** EXACT_DIGITS)) return { problem: 'lostDigits' };
    const text = numberText(cell);
    if (length && Number.isInteger(cell) && cell >= 0 && text.length < length) return { problem: 'lostLeadingZero', length };
    return { text };
  }
  if (SCIENTIFIC.test(cell)) return { problem: 'lostDigits' };
  if (length && /^\d+$/.test(cell) && cell.length < length) return { problem: 'lostLeadingZero', length };
  return { text: cell };
}
