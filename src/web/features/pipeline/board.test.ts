import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { decodeDrag, encodeDrag, missingOf, moveKind, moveTargets } from './board';

describe('board drag decisions', () => {
  it('round-trips a dragged card and rejects foreign payloads', () => {
    expect(decodeDrag(encodeDrag({ id: 42, stage: 3, version: 7 }))).toEqual({ id: 42, stage: 3, version: 7 });
    expect(decodeDrag('hello')).toBeNull();
    expect(decodeDrag('1:6:1')).toBeNull();
    expect(decodeDrag('')).toBeNull();
  });

  it('tells a drop on the same column, forward and back apart', () => {
    expect(moveKind(2, 2)).toBe('none');
    expect(moveKind(1, 2)).toBe('forward');
    expect(moveKind(1, 4)).toBe('forward');
    expect(moveKind(4, 3)).toBe('back');
  });

  it('offers every other stage in the move menu, earlier ones as moves back', () => {
    expect(moveTargets(3)).toEqual([
      { stage: 1, kind: 'back' },
      { stage: 2, kind: 'back' },
      { stage: 4, kind: 'forward' },
      { stage: 5, kind: 'forward' },
    ]);
  });

  it('reads the unmet gate items only from a 409 INVALID_STATE', () => {
    expect(missingOf(new ApiError(409, 'INVALID_STATE', 'gate', { missing: ['potential_need', 'initial_contact'], stage: 1 }))).toEqual({ stage: 1, missing: ['potential_need', 'initial_contact'] });
    expect(missingOf(new ApiError(409, 'INVALID_STATE', 'gate', { missing: ['demo_given'] }))).toEqual({ stage: null, missing: ['demo_given'] });
    expect(missingOf(new ApiError(409, 'INVALID_STATE', 'closed', { path: 'status', status: 'won' }))).toBeNull();
    expect(missingOf(new ApiError(409, 'INVALID_STATE', 'stage 5 only', { stage: 4, missing: [] }))).toBeNull();
    expect(missingOf(new ApiError(409, 'STALE_VERSION', 'stale', { missing: ['x'] }))).toBeNull();
    expect(missingOf(new ApiError(400, 'VALIDATION', 'bad', { missing: ['x'] }))).toBeNull();
    expect(missingOf(new Error('network'))).toBeNull();
  });
});
