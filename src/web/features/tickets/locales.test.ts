import { describe, expect, it } from 'vitest';
import { at, labels, load, type Tree } from '../../../../tests/support/locales';
import { ESCALATION_LEVELS, SLA_MILESTONES, SLA_STATES, TICKET_CHANNELS, TICKET_EVENTS, TICKET_KINDS, TICKET_SEVERITIES, TICKET_STATUSES, TICKET_VALIDITIES } from '../../../shared/contracts/tickets';

describe('tickets locales', () => {
  it('label every kind, severity, channel, status, milestone, SLA state, level, judgement and event in both languages', () => {
    for (const lng of ['zh-CN', 'en']) {
      const tree = load(lng, 'tickets');
      expect(labels(tree, 'kinds')).toEqual([...TICKET_KINDS].sort());
      expect(labels(tree, 'severities')).toEqual([...TICKET_SEVERITIES].sort());
      expect(labels(tree, 'channels')).toEqual([...TICKET_CHANNELS].sort());
      expect(labels(tree, 'statuses')).toEqual([...TICKET_STATUSES].sort());
      expect(labels(tree, 'milestones')).toEqual([...SLA_MILESTONES].sort());
      expect(labels(tree, 'slaStates')).toEqual([...SLA_STATES].sort());
      expect(labels(tree, 'levels')).toEqual([...ESCALATION_LEVELS].sort());
      expect(labels(tree, 'validities')).toEqual([...TICKET_VALIDITIES].sort());
      expect(labels(tree, 'events')).toEqual([...TICKET_EVENTS].sort());
      expect(labels(tree, 'timeline')).toEqual([...TICKET_EVENTS].sort());
      for (const m of ['assign', 'start', 'wait', 'resume', 'resolve', 'close', 'reopen', 'judge']) expect(typeof at(tree, `actions.${m}`), m).toBe('string');
      // the server's escalation tasks are worded from the zh-CN resource; both languages carry them
      for (const k of ['directorTaskTitle', 'gmTaskTitle', 'taskDescription']) expect(typeof at(tree, `escalation.${k}`)).toBe('string');
    }
  });

  it('name the notices of every milestone and escalation', () => {
    for (const lng of ['zh-CN', 'en']) {
      const kinds = at(load(lng, 'notifications'), 'kinds') as Tree;
      expect(typeof kinds['tickets.assigned']).toBe('string');
      for (const m of ['response', 'resolve']) for (const who of ['Warning', 'Breached', 'Director', 'Gm']) expect(typeof kinds[`tickets.${m}${who}`], `${lng} ${m}${who}`).toBe('string');
    }
    expect(at(load('zh-CN', 'tickets'), 'account.tab')).toBe('服务与投诉');
  });
});
