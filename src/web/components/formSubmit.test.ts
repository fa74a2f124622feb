import { describe, expect, it } from 'vitest';
import { keepEnterInField } from './formSubmit';

/** A keydown as the form sees it bubble up from `tagName`; whether the browser's default (implicit submission) was cancelled. */
function press(key: string, tagName: string): boolean {
  let prevented = false;
  keepEnterInField({ key, target: { tagName } as unknown as EventTarget, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('keepEnterInField', () => {
  it('cancels implicit submission for Enter in any input (text, number, a date picker, a select search box)', () => {
    expect(press('Enter', 'INPUT')).toBe(true);
    expect(press('Enter', 'input')).toBe(true);
  });
  it('leaves a textarea its new line, a focused button its click, and every other key alone', () => {
    expect(press('Enter', 'TEXTAREA')).toBe(false);
    expect(press('Enter', 'BUTTON')).toBe(false);
    expect(press('Tab', 'INPUT')).toBe(false);
    expect(press('a', 'INPUT')).toBe(false);
  });
});
