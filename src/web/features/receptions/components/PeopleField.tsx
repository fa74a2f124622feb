import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** A list of { name, title } people (visitors, attendees) inside an antd Form. */
export function PeopleField({ name, label, testId }: { name: string; label: string; testId: string }) {
  const { t } = useTranslation('receptions');
  return (
    <Form.Item label={label} required={false}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('fields.name') }]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input placeholder={t('fields.name')} data-testid={`${testId}-name-${f.name}`} maxLength={50} />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} style={{ flex: 1, marginBottom: 8 }}>
                  <Input placeholder={t('fields.title')} maxLength={50} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '' })} data-testid={`${testId}-add`}>
              {t('application.addPerson')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
