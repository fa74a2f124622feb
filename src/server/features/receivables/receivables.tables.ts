import type { CreatedAt } from '../../db/columns';

/** 帐款催收: the dunning levels an instalment has reached, each once. */
export interface DunningStepTable {
  instalment_id: number;
  level: number;
  days_overdue: number;
  at: CreatedAt;
  task_id: number | null;
}

/** The tables the receivables room owns (composed into the database's type in db/schema.ts). */
export interface ReceivablesTables {
  dunning_steps: DunningStepTable;
}
export const RECEIVABLES_TABLES = ['dunning_steps'] as const satisfies readonly (keyof ReceivablesTables)[];
