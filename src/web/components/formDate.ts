import dayjs, { type Dayjs } from 'dayjs';

/** Form.Item props for a DatePicker whose form value is a business date 'YYYY-MM-DD' (or null). */
export const dateFieldProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** Today as a business date in the browser's calendar. */
export const today = () => dayjs().format('YYYY-MM-DD');
