import { describe, expect, it } from 'vitest';
import en from '../../../shared/locales/en/notifications.json';
import { absoluteUrl, interpolate, renderEmail, smtpOptions } from './email';

describe('interpolate', () => {
  it('fills {{param}} placeholders and blanks missing ones', () => {
    expect(interpolate('待您审批：{{title}}（提交人 {{ submitter }}）', { title: '差旅报销', submitter: '周专员' })).toBe('待您审批：差旅报销（提交人 周专员）');
    expect(interpolate('a {{x}} b', {})).toBe('a  b');
    expect(interpolate('{{n}}', { n: 0 })).toBe('0');
  });
});

describe('renderEmail', () => {
  it('renders zh-CN by default: subject, message, link and footer', () => {
    const m = renderEmail({ kind: 'approval.pending', params: { title: '差旅报销', submitter: '周专员' }, link: '/approvals/12' }, 'https://km.example.cn/');
    expect(m.subject).toBe('【同盟】待您审批：差旅报销（提交人 周专员）');
    expect(m.text).toContain('待您审批：差旅报销（提交人 周专员）');
    expect(m.text).toContain('打开：https://km.example.cn/approvals/12');
    expect(m.text).toContain('此邮件由同盟大客户管理系统自动发送。');
  });
  it('omits the link line when there is no link, and renders another language when given', () => {
    const m = renderEmail({ kind: 'task.due', params: { title: 'Call back' }, link: null }, 'http://x', en);
    expect(m.subject).toBe('[Tongmeng] Task due soon: Call back');
    expect(m.text).not.toContain('Open:');
  });
  it('falls back to the kind for a kind without a template', () => {
    expect(renderEmail({ kind: 'unknown.kind', params: {}, link: null }, 'http://x').subject).toBe('【同盟】unknown.kind');
  });
});

describe('absoluteUrl', () => {
  it('joins without doubling slashes and keeps absolute links', () => {
    expect(absoluteUrl('http://h:3000/', '/tasks')).toBe('http://h:3000/tasks');
    expect(absoluteUrl('http://h:3000', 'tasks')).toBe('http://h:3000/tasks');
    expect(absoluteUrl('http://h', 'https://other/x')).toBe('https://other/x');
  });
});

describe('smtpOptions', () => {
  it('parses host, port, credentials and extra options', () => {
    expect(smtpOptions('smtp://u%40x:p%3Ass@mail.example.cn:2525?ignoreTLS=true')).toMatchObject({
      host: 'mail.example.cn',
      port: 2525,
      secure: false,
      auth: { user: 'u@x', pass: 'p:ss' },
      ignoreTLS: true,
    });
    expect(smtpOptions('smtps://mail.example.cn')).toMatchObject({ port: 465, secure: true });
    expect(smtpOptions('smtp://127.0.0.1:25').auth).toBeUndefined();
  });
  it('rejects other schemes', () => {
    expect(() => smtpOptions('http://mail.example.cn')).toThrow(/smtp/);
  });
});
