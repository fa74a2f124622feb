import { readFileSync } from 'node:fs';
import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { applyFormErrors, errorDetail, errorMessage, issueMessage } from './errors';

const load = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../../shared/locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  await i18next.init({
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { common: load('zh-CN', 'common'), errors: load('zh-CN', 'errors') }, en: { common: load('en', 'common'), errors: load('en', 'errors') } },
    interpolation: { escapeValue: false },
  });
});

const t = i18next.t.bind(i18next);

describe('server messages in the user language', () => {
  it('translates a keyed error with its params, nesting the status label', () => {
    const err = new ApiError(409, 'INVALID_STATE', 'The request is pending; …', undefined, { key: 'requests.notEditable', params: { status: 'pending' } });
    expect(errorMessage(err, t)).toBe('申请当前为「审批中」状态，只有草稿、已退回或已撤回的申请才能修改');
    expect(errorDetail(err, t)).toBeUndefined();
  });

  it('falls back to the code text, then to the server words, when no key is sent', () => {
    expect(errorMessage(new ApiError(403, 'FORBIDDEN', 'Missing permission x'), t)).toBe('您没有执行此操作的权限');
    expect(errorDetail(new ApiError(403, 'FORBIDDEN', 'Missing permission x'), t)).toBe('Missing permission x');
    expect(errorMessage(new ApiError(418, 'TEAPOT', 'I am a teapot'), t)).toBe('I am a teapot');
    expect(issueMessage({ path: 'x', message: 'Something else', key: 'no.such.key' }, t)).toBe('Something else');
  });

  it('picks the wording variant a zod issue names', () => {
    expect(issueMessage({ path: 'name', message: 'Too small', key: 'validation.too_small', params: { context: 'string', minimum: 2 } }, t)).toBe('至少需要 2 个字符');
    expect(issueMessage({ path: 'n', message: 'Too small', key: 'validation.too_small', params: { context: 'number_exclusive', minimum: 0 } }, t)).toBe('必须大于 0');
    expect(issueMessage({ path: 'n', message: 'Too small', key: 'validation.too_small', params: { context: 'set', minimum: 1 } }, t)).toBe('不能小于 1');
  });

  it('puts translated issues on the form fields, in the current language', async () => {
    const set: { name: (string | number)[]; errors: string[] }[] = [];
    const form = {
      getFieldsError: () => [{ name: ['username'], errors: [], warnings: [] }],
      setFields: (fields: typeof set) => set.push(...fields),
    } as unknown as FormInstance;
    const err = new ApiError(400, 'VALIDATION', 'Invalid input', { issues: [{ path: 'username', message: 'Username is taken', key: 'org.usernameTaken' }] });
    expect(applyFormErrors(form, err)).toBe(true);
    await i18next.changeLanguage('en');
    applyFormErrors(form, err);
    await i18next.changeLanguage('zh-CN');
    expect(set).toEqual([
      { name: ['username'], errors: ['用户名已被占用'] },
      { name: ['username'], errors: ['Username is taken'] },
    ]);
    expect(errorDetail(err, t)).toBe('用户名已被占用');
  });
});
