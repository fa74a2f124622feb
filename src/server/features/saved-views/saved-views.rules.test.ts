import { describe, expect, it } from 'vitest';
import { checkViewQuery } from './saved-views.rules';

describe('saved view queries', () => {
  it('keeps a valid account-list query as the URL carries it and drops empty values', () => {
    expect(checkViewQuery('accounts', { tier: 'large', unitId: 3, sort: '-coverage', q: '' })).toEqual({ query: { tier: 'large', unitId: 3, sort: '-coverage' } });
    expect(checkViewQuery('coverage', { unitId: '4', pageSize: 50 })).toEqual({ query: { unitId: '4', pageSize: 50 } });
  });
  it('refuses values and keys the page does not accept, naming them under query', () => {
    const bad = checkViewQuery('accounts', { tier: 'huge' });
    expect(bad).toEqual({ issues: [expect.objectContaining({ path: 'query.tier', key: 'savedViews.badQuery' })] });
    expect(checkViewQuery('accounts', { colour: 'red' })).toEqual({ issues: [expect.objectContaining({ path: 'query.colour' })] });
    expect(checkViewQuery('accounts', { page: 2 })).toEqual({ issues: [expect.objectContaining({ path: 'query.page' })] });
    expect(checkViewQuery('accounts', { sort: '-shoeSize' })).toEqual({ issues: [expect.objectContaining({ path: 'query.sort' })] });
    // the coverage list has no sort and no search
    expect(checkViewQuery('coverage', { sort: 'name' })).toEqual({ issues: [expect.objectContaining({ path: 'query.sort' })] });
  });
});
