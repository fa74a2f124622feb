import { Grid } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';

/** Drawer width: a comfortable panel on a desktop, the whole screen on a phone. */
export function useDrawerSize(desktop = 640): number | string {
  const screens = Grid.useBreakpoint();
  return screens.md ? desktop : '100%';
}

/**
 * Loads a form for one editing session (a drawer or modal opened on a record, or for a new one).
 * antd keeps a form's values across mounts and lets them win over `initialValues`, so a form reused
 * for several records would show the previous record's values; this resets it and sets the new ones.
 */
export function useFormSession<T>(form: FormInstance<T>, session: unknown, values: () => Partial<T> | undefined) {
  const load = useRef(values);
  load.current = values;
  useEffect(() => {
    if (session === null || session === undefined) return;
    form.resetFields();
    const v = load.current();
    if (v) form.setFieldsValue(v as Parameters<FormInstance<T>['setFieldsValue']>[0]);
  }, [form, session]);
}
