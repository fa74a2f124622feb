import { describe, expect, it } from 'vitest';
import { formattedNumber, isPercentFormat, numberText, textOfCell } from './cells.rules';

describe('a number cell read with its number format (issue 13 item 16)', () => {
  it('tells percent formats from formats that print a % sign literally', () => {
    for (const f of ['0%', '0.00%', '#,##0.0%', '0%;[Red]-0%', '[$-804]0.00%']) expect(isPercentFormat(f), f).toBe(true);
    for (const f of [undefined, '', 'General', '0.00', '#,##0.00', '0"%"', '0\\%', '[Color10]0.00', 'yyyy-mm-dd']) expect(isPercentFormat(f), String(f)).toBe(false);
  });

  it('a fraction in a percent format is the percentage typed, without binary noise', () => {
    expect(formattedNumber(0.05, '0%')).toBe('5%');
    expect(formattedNumber(0.125, '0.00%')).toBe('12.5%');
    expect(formattedNumber(0.07, '0%')).toBe('7%'); // 0.07 × 100 = 7.000000000000001
    expect(formattedNumber(1, '0%')).toBe('100%');
    expect(formattedNumber(0.05, 'General')).toBe(0.05);
    expect(formattedNumber(0.05, undefined)).toBe(0.05);
  });

  it('a whole number in a zero-padded format is the code it shows', () => {
    expect(formattedNumber(12345, '000000')).toBe('012345');
    expect(formattedNumber(210008, '000000')).toBe('210008');
    expect(formattedNumber(12345, '0')).toBe('012345'.slice(1));
    expect(formattedNumber(12345.5, '000000')).toBe(12345.5);
    expect(formattedNumber(12345, '#,##0')).toBe(12345);
  });

  it('numbers as their shortest decimal text', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(13800000011)).toBe('13800000011');
  });
});

describe('a cell in a text column', () => {
  it('keeps text and numbers a spreadsheet holds exactly', () => {
    expect(textOfCell('6222 0212 3456 7890 123')).toEqual({ text: '6222 0212 3456 7890 123' });
    expect(textOfCell(13800000011)).toEqual({ text: '13800000011' });
    expect(textOfCell(999999999999999)).toEqual({ text: '999999999999999' });
    expect(textOfCell(3.5)).toEqual({ text: '3.5' });
    expect(textOfCell('210008', 6)).toEqual({ text: '210008' });
    expect(textOfCell(210008, 6)).toEqual({ text: '210008' });
    expect(textOfCell('1E+5 号楼')).toEqual({ text: '1E+5 号楼' });
  });

  it('refuses numbers of 16 digits or more: their last digits are gone', () => {
    expect(textOfCell(4755020125684690000)).toEqual({ problem: 'lostDigits' });
    // 16 digits below 2^53 are still more than a spreadsheet keeps
    expect(textOfCell(6222021234567890)).toEqual({ problem: 'lostDigits' });
    expect(textOfCell(-1e15)).toEqual({ problem: 'lostDigits' });
    expect(textOfCell(Number.POSITIVE_INFINITY)).toEqual({ problem: 'lostDigits' });
  });

  it('refuses the scientific notation a CSV saved from Excel carries for a long number', () => {
    expect(textOfCell('4.75502E+18')).toEqual({ problem: 'lostDigits' });
    expect(textOfCell('6.22202E+15')).toEqual({ problem: 'lostDigits' });
    expect(textOfCell('1E+11')).toEqual({ problem: 'lostDigits' });
  });

  it('a code of fixed length that came out shorter lost its leading zeros', () => {
    expect(textOfCell(12345, 6)).toEqual({ problem: 'lostLeadingZero', length: 6 });
    expect(textOfCell('12345', 6)).toEqual({ problem: 'lostLeadingZero', length: 6 });
    // too long or not digits is for the contract to judge
    expect(textOfCell('1234567', 6)).toEqual({ text: '1234567' });
    expect(textOfCell('2100O8', 6)).toEqual({ text: '2100O8' });
  });
});
