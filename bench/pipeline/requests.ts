import { int } from '../common/stats';

/** The requests the README's pipeline table reports, and who signs in to make them. */

export type Who = 'director' | 'manager';

export const USERS: Record<Who, { username: string; label: string }> = {
  director: { username: 'zhangmingyuan', label: 'KA director (unit subtree)' },
  manager: { username: 'chensiyuan', label: 'account manager (team)' },
};

export interface PipelineRequest {
  key: string;
  title: string;
  path: string;
  /** what the first response held, in a few words, to show the request did its work */
  shown(body: unknown): string;
}

type Obj = Record<string, unknown>;
const list = (b: unknown) => b as Obj[];
const sum = (items: Obj[], field: string) => items.reduce((n, x) => n + Number(x[field] ?? 0), 0);
const page = (b: unknown) => `${list((b as Obj).items).length} of ${int(Number((b as Obj).total))}`;

export const REQUESTS: PipelineRequest[] = [
  {
    key: 'board',
    title: 'board (`/api/pipeline/board`, 5 columns × 100 cards with missing gate items)',
    path: '/api/pipeline/board',
    shown: (b) => {
      const columns = list((b as Obj).columns);
      return `${int(sum(columns, 'count'))} open, ${columns.reduce((n, c) => n + list(c.cards).length, 0)} cards`;
    },
  },
  {
    key: 'forecast',
    title: 'forecast by stage, month, owner, unit',
    path: '/api/pipeline/forecast',
    shown: (b) => `${int(Number(((b as Obj).total as Obj).count))} open, ${list((b as Obj).byMonth).length} months`,
  },
  {
    key: 'conversion',
    title: 'stage conversion over the history',
    path: '/api/pipeline/conversion',
    shown: (b) => `${int(Number(list((b as Obj).stages)[0]?.reached ?? 0))} reached stage 1, ${int(Number((b as Obj).won))} won`,
  },
  {
    key: 'ageing',
    title: 'ageing',
    path: '/api/pipeline/ageing',
    shown: (b) => `${int(sum(list((b as Obj).stages), 'stalled'))} stalled, ${list((b as Obj).stalled).length} listed`,
  },
  {
    key: 'win-loss',
    title: 'win/loss',
    path: '/api/pipeline/win-loss',
    shown: (b) => `${int(sum(list((b as Obj).reasons), 'count'))} closed, ${list((b as Obj).competitors).length} competitors`,
  },
  { key: 'list', title: 'project list, 50 by value', path: '/api/opportunities?pageSize=50&sort=-expectedValue', shown: page },
  { key: 'stalled', title: 'project list, stalled only, 50 by value', path: '/api/opportunities?pageSize=50&sort=-expectedValue&stalled=true', shown: page },
];
