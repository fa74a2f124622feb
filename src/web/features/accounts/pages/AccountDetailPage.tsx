import { ArrowLeftOutlined, EditOutlined, EnvironmentOutlined, MergeCellsOutlined, MoreOutlined, NodeIndexOutlined, StarOutlined, SwapOutlined, TagsOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Dropdown, Empty, Flex, Grid, Popover, Progress, Row, Skeleton, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AccountChange, AccountDetail } from '../../../../shared/contracts/accounts';
import type { UserItem } from '../../../../shared/contracts/org';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useUnitPath } from '../../../components/orgData';
import { useAccount, useAccountChanges } from '../api';
import { AccountActionModal, type AccountAction } from '../components/ActionModals';
import { MergeDialog } from '../components/MergeDialog';
import { ClassTags, GradeTag, LifecycleTag } from '../components/AccountTags';
import { QuadrantCard } from '../components/QuadrantCard';
import { RevenueTab } from '../components/RevenueTab';
import { TeamTab } from '../components/TeamTab';
import { accountTabs } from '../../../app/registry';
import type { AccountTab, AccountTabContext } from '../../../app/types';
import { CoverageBadge } from '../../contacts';
import { accountChangeValue } from '../changeValues';
import { ENUM_FIELDS, LONG_TEXT_FIELDS, MONEY_FIELDS, PROFILE_SECTIONS } from '../fields';
import { completenessColor } from './AccountsPage';

/** The account room's own tabs; the other rooms add theirs through their manifests (accountTabs), placed by order. */
const OWN_TABS: AccountTab[] = [
  { key: 'profile', order: 0, label: ({ t }) => t('accounts:tabs.profile'), render: ({ account }) => <ProfileView account={account} /> },
  { key: 'team', order: 90, label: ({ t, account }) => t('accounts:tabs.team', { count: account.team.length }), render: ({ account, can }) => <TeamTab key={account.version} account={account} editable={can('account:update')} /> },
  { key: 'revenue', order: 100, label: ({ t }) => t('accounts:tabs.revenue'), render: ({ account, can }) => <RevenueTab key={account.version} account={account} editable={can('account:update')} /> },
  { key: 'group', order: 110, label: ({ t }) => t('accounts:tabs.group'), render: ({ account }) => <GroupView account={account} /> },
  { key: 'changes', order: 120, label: ({ t }) => t('accounts:tabs.changes'), render: ({ account }) => <ChangesView accountId={account.id} /> },
];
const TABS: AccountTab[] = [...OWN_TABS, ...accountTabs].sort((a, b) => a.order - b.order);

/** /accounts/:id — the account 360 page. */
export function AccountDetailPage() {
  const { id } = useParams();
  const accountId = Number(id);
  const account = useAccount(accountId);
  const { t } = useTranslation('accounts');
  if (account.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (account.isError || !account.data)
    return (
      <div>
        <PageHeader title={t('detail.title')} extra={<BackButton />} />
        <ErrorAlert error={account.error} onRetry={() => void account.refetch()} />
      </div>
    );
  return <Account360 account={account.data} />;
}

function BackButton() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/accounts')}>
      {t('backToList')}
    </Button>
  );
}

function Account360({ account: a }: { account: AccountDetail }) {
  const { t } = useTranslation('accounts');
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [action, setAction] = useState<AccountAction | null>(null);
  const [merging, setMerging] = useState(false);
  const tabs = TABS.filter((x) => !x.access || can(x.access));
  const asked = params.get('tab');
  const tab = tabs.some((x) => x.key === asked) ? asked! : 'profile';
  const setTab = (next: string) => setParams(next === 'profile' ? {} : { tab: next }, { replace: true });
  const canUpdate = can('account:update');
  const canAssign = can('account:assign');
  const phone = Grid.useBreakpoint().md === false;

  // Grade, categories and owner are the director's calls (account:assign); on a phone they fold into one menu.
  const directorActions: { key: string; icon: ReactNode; label: string; testId: string; onClick: () => void }[] = [
    ...(canAssign
      ? (
          [
            { key: 'grade', icon: <StarOutlined />, label: t('detail.setGrade'), testId: 'account-grade' },
            { key: 'categories', icon: <TagsOutlined />, label: t('detail.setCategories'), testId: 'account-categories' },
            { key: 'assign', icon: <UserSwitchOutlined />, label: t('detail.reassign'), testId: 'account-assign' },
          ] as const
        ).map((d) => ({ ...d, onClick: () => setAction(d.key as AccountAction) }))
      : []),
    ...(can('account:merge') ? [{ key: 'merge', icon: <MergeCellsOutlined />, label: t('merge:action'), testId: 'account-merge', onClick: () => setMerging(true) }] : []),
  ];

  const openMissing = (field: string) => {
    if (field === 'team') setTab('team');
    else navigate(`/accounts/${a.id}/edit?field=${field}`);
  };

  const missingTags = (limit?: number) => (
    <div style={{ maxWidth: limit ? undefined : 360 }} data-testid={limit ? 'account-missing' : 'account-missing-all'}>
      {a.completenessMissing.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.complete')}</Typography.Text>
      ) : (
        <Flex gap={4} wrap>
          {a.completenessMissing.slice(0, limit).map((m) => (
            <Tag key={m.field} style={{ cursor: canUpdate ? 'pointer' : undefined, marginInlineEnd: 0 }} onClick={canUpdate ? () => openMissing(m.field) : undefined} data-testid={`account-missing-${m.field}`}>
              {t(`fields.${m.field}`)}
            </Tag>
          ))}
          {limit !== undefined && a.completenessMissing.length > limit && (
            <Popover content={missingTags()} trigger={['hover', 'click']}>
              <Tag style={{ cursor: 'pointer', marginInlineEnd: 0 }} data-testid="account-missing-more">
                {t('detail.missingMore', { count: a.completenessMissing.length - limit })}
              </Tag>
            </Popover>
          )}
        </Flex>
      )}
    </div>
  );

  return (
    <div>
      <PageHeader
        title={
          <span data-testid="account-title">
            {a.name}
            {a.shortName && (
              <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 8 }}>
                {a.shortName}
              </Typography.Text>
            )}
          </span>
        }
        subtitle={t('detail.subtitle', { owner: a.ownerName, unit: a.unitName })}
        extra={
          <>
            <BackButton />
            {canUpdate && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/accounts/${a.id}/edit`)} data-testid="account-edit">
                {t('detail.edit')}
              </Button>
            )}
            {canUpdate && (
              <Button icon={<SwapOutlined />} onClick={() => setAction('lifecycle')} data-testid="account-lifecycle">
                {t('detail.changeLifecycle')}
              </Button>
            )}
            {can('visit:write') && (
              <Button icon={<EnvironmentOutlined />} onClick={() => navigate(`/visits/new?accountId=${a.id}`)} data-testid="account-plan-visit">
                {t('visits:new')}
              </Button>
            )}
            {directorActions.length > 0 &&
              (phone ? (
                <Dropdown menu={{ items: directorActions.map((d) => ({ key: d.key, icon: d.icon, label: d.label, onClick: d.onClick, 'data-testid': d.testId })) }} trigger={['click']}>
                  <Button icon={<MoreOutlined />} data-testid="account-more">
                    {t('detail.more')}
                  </Button>
                </Dropdown>
              ) : (
                directorActions.map((d) => (
                  <Button key={d.key} icon={d.icon} onClick={d.onClick} data-testid={d.testId}>
                    {d.label}
                  </Button>
                ))
              ))}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Popover content={missingTags()} title={t('detail.missingTitle', { count: a.completenessMissing.length })} trigger={['hover', 'click']}>
            <Progress type="circle" size={76} percent={a.completeness} strokeColor={completenessColor(a.completeness)} format={(p) => `${p}%`} data-testid="account-completeness" />
          </Popover>
          <Space orientation="vertical" size={8} style={{ flex: 1, minWidth: 220 }}>
            <Flex gap={6} wrap align="center">
              <ClassTags tier={a.tier} vip={a.vip} categories={a.categories} />
              <GradeTag grade={a.grade} />
              <LifecycleTag stage={a.lifecycle} />
            </Flex>
            <Typography.Text type="secondary">{t('detail.completenessLine', { score: a.completeness, count: a.completenessMissing.length })}</Typography.Text>
            {a.completenessMissing.length > 0 && missingTags(12)}
          </Space>
          {can('contact:read') && <CoverageBadge accountId={a.id} />}
          <QuadrantCard accountId={a.id} />
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={tabs.map((x) => {
            const c: AccountTabContext = { account: a, active: tab === x.key, can, t };
            return { key: x.key, label: x.label(c), children: <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>{x.render(c)}</Suspense> };
          })}
        />
      </Card>
      <AccountActionModal account={a} action={action} onClose={() => setAction(null)} />
      {can('account:merge') && <MergeDialog account={a} open={merging} onClose={() => setMerging(false)} />}
    </div>
  );
}

function ProfileView({ account: a }: { account: AccountDetail }) {
  const { t } = useTranslation('accounts');
  const value = (f: string): ReactNode => {
    const v = (a as unknown as Record<string, unknown>)[f];
    if (f === 'ownerId') return a.ownerName;
    if (f === 'unitId') return a.unitName;
    if (f === 'parentId') return a.parent ? a.parent.visible ? <Link to={`/accounts/${a.parent.id}`}>{a.parent.name}</Link> : a.parent.name : <Typography.Text type="secondary">—</Typography.Text>;
    if (f === 'vip') return a.vip ? t('yes') : t('no');
    if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
    if (MONEY_FIELDS.has(f)) return <MoneyText fen={v as number} />;
    if (ENUM_FIELDS[f as keyof AccountDetail]) return t(`${ENUM_FIELDS[f as keyof AccountDetail]}.${String(v)}`);
    if (f === 'discountBp') return t('units.percentOff', { value: (v as number) / 100 });
    if (f === 'paymentTermDays') return t('units.daysValue', { count: v as number });
    if (f === 'creditCode') return <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{String(v)}</Typography.Text>;
    if (f === 'website') return <Typography.Link href={/^https?:\/\//.test(String(v)) ? String(v) : `http://${String(v)}`} target="_blank" rel="noreferrer">{String(v)}</Typography.Link>;
    if (LONG_TEXT_FIELDS.has(f)) return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{String(v)}</Typography.Paragraph>;
    return String(v);
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="account-profile">
      {PROFILE_SECTIONS.map((s) => (
        <Descriptions
          key={s.key}
          size="small"
          bordered
          title={t(`sections.${s.key}`)}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
          items={
            s.key === 'trade' && !a.tradeTermsVisible
              ? [{ key: 'hidden', label: t('sections.trade'), children: <Typography.Text type="secondary">{t('detail.tradeTermsHidden')}</Typography.Text> }]
              : s.fields.map((f) => ({ key: f, label: t(`fields.${f}`), span: LONG_TEXT_FIELDS.has(f) ? 'filled' : undefined, children: value(f) }))
          }
        />
      ))}
    </Space>
  );
}

function GroupView({ account: a }: { account: AccountDetail }) {
  const { t } = useTranslation('accounts');
  const item = (s: AccountDetail['children'][number]) => (
    <Flex key={s.id} gap={8} wrap align="center" style={{ padding: '6px 0' }} data-testid={`account-group-${s.id}`}>
      {s.visible ? <Link to={`/accounts/${s.id}`}>{s.name}</Link> : <Typography.Text>{s.name}</Typography.Text>}
      {s.visible ? (
        <>
          <ClassTags tier={s.tier} vip={false} categories={[]} />
          <LifecycleTag stage={s.lifecycle} />
        </>
      ) : (
        <Typography.Text type="secondary">{t('group.outOfScope')}</Typography.Text>
      )}
    </Flex>
  );
  if (!a.parent && a.children.length === 0)
    return <Empty image={<NodeIndexOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('group.none')} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <Card size="small" title={t('group.parent')}>
          {a.parent ? item(a.parent) : <Typography.Text type="secondary">{t('group.noParent')}</Typography.Text>}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('group.children', { count: a.children.length })}>
          {a.children.length ? a.children.map(item) : <Typography.Text type="secondary">{t('group.noChildren')}</Typography.Text>}
        </Card>
      </Col>
      {a.children.length > 0 && (
        <Col span={24}>
          <Card size="small" title={t('revenue.groupByYear')}>
            {a.groupRevenueByYear.length === 0 ? (
              <Typography.Text type="secondary">{t('revenue.none')}</Typography.Text>
            ) : (
              a.groupRevenueByYear.map((r) => (
                <Flex key={r.year} justify="space-between" style={{ padding: '4px 0', maxWidth: 420 }}>
                  <Typography.Text>{t('revenue.yearLabel', { year: r.year })}</Typography.Text>
                  <MoneyText fen={r.amount} />
                </Flex>
              ))
            )}
          </Card>
        </Col>
      )}
    </Row>
  );
}

function ChangesView({ accountId }: { accountId: number }) {
  const { t } = useTranslation('accounts');
  const changes = useAccountChanges(accountId);
  // a unit by its path (江苏分公司 / 大客户部): several units share a name
  const unitPath = useUnitPath();
  const userIds = [...new Set((changes.data?.items ?? []).filter((c) => c.field === 'owner').flatMap((c) => [c.from, c.to]).filter((v): v is string => !!v))];
  const users = useQueries({
    queries: userIds.map((uid) => ({ queryKey: ['users', 'one', Number(uid)], queryFn: () => api.get<UserItem>(`/api/users/${uid}`), staleTime: 60_000 })),
  });
  const label = (c: AccountChange, v: string | null): string => {
    if (v === null || v === '') return t('changes.empty');
    // Owner and unit changes record ids; show the names the ids stand for.
    if (c.field === 'owner') return users.find((u) => u.data?.id === Number(v))?.data?.name ?? t('changes.userId', { id: v });
    if (c.field === 'unit') return unitPath(Number(v), t('changes.unitId', { id: v }));
    return accountChangeValue(t, c.field, v);
  };
  if (changes.isLoading) return <Skeleton active />;
  if (changes.isError) return <ErrorAlert error={changes.error} onRetry={() => void changes.refetch()} />;
  const items = changes.data?.items ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.none')} />;
  return (
    <Timeline
      data-testid="account-changes"
      items={items.map((c) => ({
        key: c.id,
        content: (
          <div>
            <Typography.Text strong>{t(`changes.fields.${c.field}`)}</Typography.Text>{' '}
            <Typography.Text>{t('changes.fromTo', { from: label(c, c.from), to: label(c, c.to) })}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {c.actorName ?? t('changes.system')} · <DateTime value={c.at} />
              </Typography.Text>
            </div>
            {/* a reason the server gave itself comes as a key; a person's reason is shown as typed */}
            {c.reason && (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} type={c.reasonKey ? 'secondary' : undefined}>
                {c.reasonKey ? t(`changes.reasons.${c.reasonKey}`, { reason: c.reason }) : c.reason}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
