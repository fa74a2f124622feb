import type { WebFeature } from '../../app/types';

/** 常用筛选 (saved views): the menu a list page puts beside its filters. */
export const savedViewsWeb: WebFeature = { name: 'saved-views' };
