import { App, Button, Card, DatePicker, Flex, Form, InputNumber, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withPhoneCategory, type ControlRow } from '../../../../shared/contracts/expenses';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { month, useListState } from '../../../components/useListState';
import { useControl, useExpenseCategories, usePhoneSettings, useSaveBudget, useSaveExpenseCategories, useSavePhoneSettings } from '../api';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 手机费核定标准: the default monthly phone allowance; a personal 手机费 budget overrides it for its month. */
function PhoneAllowanceCard() {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const settings = usePhoneSettings();
  const save = useSavePhoneSettings();
  const [yuan, setYuan] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data) setYuan(settings.data.monthlyLimit / 100);
  }, [settings.data]);
  return (
    <Card size="small" title={t('budgets.phoneAllowance')} style={{ marginTop: 16, maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('budgets.phoneAllowanceHint')}</Typography.Paragraph>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Flex gap={8} wrap align="center">
        <InputNumber<number> min={0} precision={2} value={yuan} onChange={setYuan} addonBefore={t('budgets.monthlyLimitYuan')} data-testid="phone-allowance-limit" />
        <Button
          type="primary"
          disabled={yuan === null}
          loading={save.isPending}
          onClick={() => void save.mutateAsync({ monthlyLimit: Math.round((yuan ?? 0) * 100) }).then(() => message.success(t('budgets.saved')), () => undefined)}
        >
          {t('budgets.save')}
        </Button>
      </Flex>
    </Card>
  );
}

/** 费用类别: the list claim lines and budgets choose from; 手机费 stays on it (the phone allowance reads it). */
function CategoriesCard() {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const categories = useExpenseCategories();
  const save = useSaveExpenseCategories();
  const [items, setItems] = useState<string[] | null>(null);
  const shown = items ?? categories.data?.items ?? [];
  const changed = items !== null && items.join('\n') !== (categories.data?.items ?? []).join('\n');
  return (
    <Card size="small" title={t('budgets.categories')} style={{ marginTop: 16, maxWidth: 760 }} data-testid="expense-categories">
      <Typography.Paragraph type="secondary">{t('budgets.categoriesHint')}</Typography.Paragraph>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {categories.error ? <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} /> : null}
      <Flex gap={8} wrap align="start">
        <Select<string[]>
          mode="tags"
          style={{ flex: '1 1 320px' }}
          loading={categories.isLoading}
          value={shown}
          placeholder={t('budgets.categoriesPlaceholder')}
          // 手机费 is always kept: the phone allowance reads its budgets
          onChange={(v) => setItems(withPhoneCategory(v.map((c) => c.trim()).filter((c) => c && c.length <= 40)))}
          options={shown.map((c) => ({ value: c, label: c }))}
          data-testid="expense-categories-select"
        />
        <Button
          type="primary"
          disabled={!changed || !categories.data}
          loading={save.isPending}
          onClick={() =>
            void save.mutateAsync({ items: shown, version: categories.data!.version }).then(
              () => {
                setItems(null);
                void message.success(t('budgets.saved'));
              },
              () => undefined,
            )
          }
          data-testid="expense-categories-save"
        >
          {t('budgets.save')}
        </Button>
      </Flex>
    </Card>
  );
}

/** 预算与商务费用控制率: the month's budgets per person or unit and category against approved + paid claims. */
export function BudgetsPage() {
  const { t } = useTranslation('expenses');
  // the month shown and the table's page, in the URL
  const state = useListState({ period: month(dayjs().format('YYYY-MM')) }, { pageSize: 10 });
  const { period } = state.filters;
  const control = useControl(period);
  const save = useSaveBudget();
  const [form] = Form.useForm<{ subject: 'user' | 'unit'; subjectId: number; category: string; yuan: number }>();
  const subject = Form.useWatch('subject', form) ?? 'user';
  // a budget's category is one of the expense categories, the same list claim lines choose from
  const categories = useExpenseCategories();
  const add = async (v: { subject: 'user' | 'unit'; subjectId: number; category: string; yuan: number }) => {
    await save.mutateAsync({ body: { [v.subject === 'user' ? 'userId' : 'unitId']: v.subjectId, category: v.category, period, amount: Math.round(v.yuan * 100) } });
    form.resetFields();
  };
  return (
    <>
      <PageHeader title={t('budgets.title')} />
      <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} onChange={(d) => d && state.set({ period: d.format('YYYY-MM') })} style={{ marginBottom: 12 }} />
      {control.error ? <ErrorAlert error={control.error} onRetry={() => void control.refetch()} /> : null}
      <Table<ControlRow>
        rowKey={(r) => `${r.subject}:${r.subjectId}:${r.category}`}
        size="small"
        loading={control.isLoading}
        scroll={{ x: true }}
        dataSource={control.data?.items ?? []}
        pagination={state.pagination}
        data-testid="budget-control"
        columns={[
          { title: t('budgets.subject'), dataIndex: 'subjectName', render: (v: string, r) => `${t(`budgets.subjects.${r.subject}`)} · ${v}` },
          { title: t('fields.category'), dataIndex: 'category' },
          { title: t('budgets.budget'), dataIndex: 'budget', align: 'right', render: (v: number | null) => <MoneyText fen={v} /> },
          { title: t('budgets.actual'), dataIndex: 'actual', align: 'right', render: (v: number) => <MoneyText fen={v} /> },
          { title: t('budgets.rate'), dataIndex: 'rate', align: 'right', render: pct },
        ]}
      />
      <h3>{t('budgets.add')}</h3>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Form form={form} layout="inline" initialValues={{ subject: 'user' }} onFinish={(v) => void add(v).catch(() => undefined)}>
        <Flex gap={8} wrap>
          <Form.Item name="subject" rules={[{ required: true }]}>
            <Select style={{ width: 100 }} options={(['user', 'unit'] as const).map((s) => ({ value: s, label: t(`budgets.subjects.${s}`) }))} onChange={() => form.setFieldValue('subjectId', undefined)} />
          </Form.Item>
          <Form.Item name="subjectId" rules={[{ required: true }]} style={{ minWidth: 220 }}>
            {subject === 'user' ? <UserSelect placeholder={t('budgets.subjects.user')} /> : <UnitTreeSelect placeholder={t('budgets.subjects.unit')} />}
          </Form.Item>
          <Form.Item name="category" rules={[{ required: true }]}>
            <Select
              placeholder={t('fields.category')}
              style={{ minWidth: 160 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={categories.isLoading}
              options={(categories.data?.items ?? []).map((c) => ({ value: c, label: c }))}
              data-testid="budget-category"
            />
          </Form.Item>
          <Form.Item name="yuan" rules={[{ required: true }]}>
            <InputNumber<number> min={0} precision={2} placeholder={t('budgets.budgetYuan')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('budgets.save')}
          </Button>
        </Flex>
      </Form>
      <CategoriesCard />
      <PhoneAllowanceCard />
    </>
  );
}
