import type { AttendanceRowData } from './api';

/** A row's numbers as typed (null: left empty). */
export interface AttendanceEdit {
  lateTimes: number | null;
  absentDays: number | null;
}

/** The rows edited and different from what is saved, as PUT /attendance wants them (an empty number is 0). */
export function attendanceRows(items: readonly AttendanceRowData[], edits: Record<number, AttendanceEdit>) {
  return items
    .filter((r) => {
      const e = edits[r.person.id];
      return e !== undefined && ((e.lateTimes ?? 0) !== (r.lateTimes ?? 0) || (e.absentDays ?? 0) !== (r.absentDays ?? 0) || (r.source === null && (e.lateTimes !== null || e.absentDays !== null)));
    })
    .map((r) => ({ userId: r.person.id, lateTimes: edits[r.person.id]!.lateTimes ?? 0, absentDays: edits[r.person.id]!.absentDays ?? 0 }));
}

/** Why a row cannot be saved (a locale key under attendance.), or null. */
export function attendanceIssue(row: { lateTimes: number; absentDays: number }): string | null {
  if (!Number.isInteger(row.lateTimes) || row.lateTimes < 0 || row.lateTimes > 100) return 'lateRange';
  if (row.absentDays < 0 || row.absentDays > 31 || !Number.isInteger(row.absentDays * 2)) return 'halfDays';
  return null;
}
