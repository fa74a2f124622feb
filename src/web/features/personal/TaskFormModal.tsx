import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { taskCreate, type Task } from '../../../shared/contracts/tasks';
import { applyFormErrors, errorMessage } from '../../components/errors';
import { zodRule } from '../../components/zodRule';
import { useSaveTask } from './api';

interface Values {
  title: string;
  description?: string;
  dueAt?: Dayjs | null;
}

interface Props {
  open: boolean;
  /** the task to edit; undefined creates a new one */
  task?: Task;
  onClose(): void;
}

export function TaskFormModal({ open, task, onClose }: Props) {
  const { t } = useTranslation(['personal', 'common']);
  const [form] = Form.useForm<Values>();
  const save = useSaveTask();
  const { message } = App.useApp();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (task) form.setFieldsValue({ title: task.title, description: task.description, dueAt: task.dueAt ? dayjs(task.dueAt) : null });
  }, [open, task, form]);

  async function submit(values: Values) {
    const body = { title: values.title, description: values.description ?? '', dueAt: values.dueAt ? values.dueAt.second(0).millisecond(0).toISOString() : null };
    try {
      await save.mutateAsync(task ? { id: task.id, body: { ...body, version: task.version } } : { body });
      message.success(t(task ? 'tasks.updated' : 'tasks.created'));
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) message.error(errorMessage(err, t));
    }
  }

  return (
    <Modal
      open={open}
      title={t(task ? 'tasks.editTitle' : 'tasks.createTitle')}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="task-form">
        <Form.Item name="title" label={t('tasks.fields.title')} rules={[zodRule(taskCreate.shape.title, t('tasks.titleRequired'))]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="description" label={t('tasks.fields.description')} rules={[zodRule(taskCreate.shape.description, t('tasks.descriptionTooLong'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('tasks.fields.dueAt')}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={t('common:formats.dateTime')} placeholder={t('tasks.dueAtPlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
