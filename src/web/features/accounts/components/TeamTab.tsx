import { DeleteOutlined, PlusOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Empty, Flex, Form, Row, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES, type AccountDetail, type TeamRole } from '../../../../shared/contracts/accounts';
import { api } from '../../../api/client';
import { useApiError, useFeedback } from '../../../components/feedback';
import { UserSelect } from '../../../components/UserSelect';
import { accountKeys } from '../api';

interface Values {
  members: { userId: number | null; role: TeamRole | null }[];
}

/** The service team of seed 003 form 1: who serves the account in which role. */
export function TeamTab({ account, editable }: { account: AccountDetail; editable: boolean }) {
  const { t } = useTranslation('accounts');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.put<AccountDetail>(`/api/accounts/${account.id}/team`, {
        members: v.members.map((m) => ({ userId: m.userId, role: m.role })),
        version: account.version,
      }),
    onSuccess: () => {
      void message.success(t('team.saved'));
      void qc.invalidateQueries({ queryKey: accountKeys.all });
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: accountKeys.all })),
  });

  if (!editable) {
    if (account.team.length === 0) return <Empty image={<TeamOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('team.empty')} />;
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="account-team-view">
        {TEAM_ROLES.filter((r) => account.team.some((m) => m.role === r)).map((r) => (
          <Flex key={r} gap={8} wrap align="center">
            <Typography.Text type="secondary" style={{ minWidth: 90 }}>
              {t(`teamRoles.${r}`)}
            </Typography.Text>
            {account.team
              .filter((m) => m.role === r)
              .map((m) => (
                <Tag key={m.userId}>{m.userName}</Tag>
              ))}
          </Flex>
        ))}
      </Space>
    );
  }

  return (
    <Form<Values> form={form} initialValues={{ members: account.team.map((m) => ({ userId: m.userId, role: m.role })) }} onFinish={(v) => save.mutate(v)} data-testid="account-team-form">
      <Typography.Paragraph type="secondary">{t('team.hint')}</Typography.Paragraph>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('team.empty')} />}
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} wrap={false} align="top">
                <Col flex="auto" style={{ minWidth: 0 }}>
                  <Row gutter={8}>
                    <Col xs={24} sm={14}>
                      <Form.Item name={[f.name, 'userId']} rules={[{ required: true, message: t('team.userRequired') }]}>
                        <UserSelect data-testid={`account-team-user-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('team.roleRequired') }]}>
                        <Select placeholder={t('team.role')} options={TEAM_ROLES.map((r) => ({ value: r, label: t(`teamRoles.${r}`) }))} data-testid={`account-team-role-${i}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Col>
                <Col flex="none">
                  <Button icon={<DeleteOutlined />} aria-label={t('team.remove')} onClick={() => remove(f.name)} data-testid={`account-team-remove-${i}`} />
                </Col>
              </Row>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ userId: null, role: null })} data-testid="account-team-add">
                {t('team.add')}
              </Button>
              <Button type="primary" icon={<SaveOutlined />} htmlType="submit" loading={save.isPending} data-testid="account-team-save">
                {t('team.save')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Form>
  );
}
