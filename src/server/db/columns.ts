import type { ColumnType, Generated } from 'kysely';

/** Column types shared by every table file. int8 arrives as number (client.ts), dates as 'YYYY-MM-DD'. */
export type Id = Generated<number>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T> = ColumnType<T, string, string>;
export type Version = ColumnType<number, number | undefined, number>;
