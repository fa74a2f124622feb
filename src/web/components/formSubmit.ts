import { useCallback, useRef, type KeyboardEvent } from 'react';

/**
 * Enter in a field of a data-entry form does not submit it: the save button does (issue 13: Enter
 * in a visit's date field saved the half-filled form, and a held Enter saved it six times). Given
 * as the form's (or a wrapper's) onKeyDown, it cancels the browser's implicit submission from any
 * <input> — text, number, a DatePicker's or a Select's search box — after the field itself has
 * handled the key (a picker still takes its date, a select its option). A textarea keeps its new
 * line and a focused button its click, the save button included.
 */
export function keepEnterInField(e: Pick<KeyboardEvent, 'key' | 'target' | 'preventDefault'>) {
  if (e.key !== 'Enter') return;
  const target = e.target as { tagName?: unknown } | null;
  if (typeof target?.tagName === 'string' && target.tagName.toUpperCase() === 'INPUT') e.preventDefault();
}

/** Spread on an antd <Form> whose only way to submit is its save button: `<Form {...saveByButton} …>`. */
export const saveByButton = { onKeyDown: keepEnterInField } as const;

/**
 * A form's save that runs one at a time: a second submit while the first is still saving (a double
 * click, a repeated key) is dropped, so one press makes one record. The button shows `loading`
 * meanwhile; this also covers the moment before that render.
 */
export function useOneSave<V>(save: (values: V) => Promise<unknown>): (values: V) => Promise<void> {
  const running = useRef(false);
  return useCallback(
    async (values: V) => {
      if (running.current) return;
      running.current = true;
      try {
        await save(values);
      } finally {
        running.current = false;
      }
    },
    [save],
  );
}
