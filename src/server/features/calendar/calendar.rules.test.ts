import { describe, expect, it } from 'vitest';
import { accountAddress, eventLocation, eventUid, uidDomain } from './calendar.rules';

describe('uidDomain and eventUid', () => {
  it('take the host of PUBLIC_URL, without port or path', () => {
    expect(uidDomain('https://crm.tongmeng.example.com')).toBe('crm.tongmeng.example.com');
    expect(uidDomain('http://10.0.0.5:3000/tongmeng/')).toBe('10.0.0.5');
    expect(eventUid('visit', 123, uidDomain('https://tongmeng.example.com/'))).toBe('visit-123@tongmeng.example.com');
  });

  it('fall back to a fixed name when PUBLIC_URL is no URL', () => {
    expect(uidDomain('not a url')).toBe('tongmeng');
    expect(uidDomain('')).toBe('tongmeng');
  });
});

describe('accountAddress', () => {
  it('puts province, city and street together the Chinese way', () => {
    expect(accountAddress({ province: '江苏省', city: '南京市', address: '玄武区中山路 1 号' })).toBe('江苏省南京市玄武区中山路 1 号');
  });

  it('leaves out what the street address already names, and a city equal to its province', () => {
    expect(accountAddress({ province: '江苏省', city: '南京市', address: '南京市玄武区中山路 1 号' })).toBe('江苏省南京市玄武区中山路 1 号');
    expect(accountAddress({ province: '北京市', city: '北京市', address: '朝阳区建国路 8 号' })).toBe('北京市朝阳区建国路 8 号');
  });

  it('uses what is known, and says nothing when nothing is', () => {
    expect(accountAddress({ province: '江苏省', city: ' ', address: null })).toBe('江苏省');
    expect(accountAddress({ address: '  ' })).toBeNull();
  });
});

describe('eventLocation', () => {
  const account = { province: '江苏省', city: '南京市', address: '玄武区中山路 1 号' };

  it('a visit: where it was checked in, before that the account address', () => {
    expect(eventLocation({ kind: 'visit', checkInPlace: '客户总部 3 楼会议室', account })).toBe('客户总部 3 楼会议室');
    expect(eventLocation({ kind: 'visit', checkInPlace: null, account })).toBe('江苏省南京市玄武区中山路 1 号');
    expect(eventLocation({ kind: 'visit', checkInPlace: ' ', account: {} })).toBeNull();
  });

  it('a reception: its place or none (never the guests\' address); a trip: its destination', () => {
    expect(eventLocation({ kind: 'reception', place: '本部一号会议室' })).toBe('本部一号会议室');
    expect(eventLocation({ kind: 'reception', place: null })).toBeNull();
    expect(eventLocation({ kind: 'trip', destination: '南京, 江苏' })).toBe('南京, 江苏');
  });
});
