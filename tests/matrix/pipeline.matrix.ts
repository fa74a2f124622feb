import { all, type MatrixSuite } from './harness';

/**
 * The board, forecast and analyses are read with opportunity:read, which every matrix role holds
 * (specialists in their own scope, finance company-wide); each answers over the caller's scope
 * (tests/int/pipeline-analytics.test.ts checks the numbers per scope).
 */
export const pipelineMatrix: MatrixSuite = {
  feature: 'pipeline analytics',
  cases: [
    { name: 'board', method: 'GET', url: () => '/api/pipeline/board', expect: all('allow') },
    { name: 'forecast', method: 'GET', url: () => '/api/pipeline/forecast', expect: all('allow') },
    { name: 'conversion', method: 'GET', url: () => '/api/pipeline/conversion?from=2026-01-01', expect: all('allow') },
    { name: 'ageing', method: 'GET', url: () => '/api/pipeline/ageing', expect: all('allow') },
    { name: 'win-loss', method: 'GET', url: () => '/api/pipeline/win-loss', expect: all('allow') },
  ],
};
