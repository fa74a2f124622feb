import { Button, Drawer, Flex, Grid } from 'antd';
import type { ReactNode } from 'react';
import { keepEnterInField } from './formSubmit';

interface Props {
  open: boolean;
  title: ReactNode;
  /** the id of the form in the body: the footer's save button submits it (HTML form attribute) */
  formId: string;
  saving: boolean;
  saveText: string;
  cancelText: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

/**
 * A form in a side drawer with cancel/save in the footer; full width on a phone. The footer's save
 * button is the only way to submit: Enter in a field does not (keepEnterInField), and the button is
 * loading — not clickable — while `saving`.
 */
export function FormDrawer({ open, title, formId, saving, saveText, cancelText, onClose, testId, children }: Props) {
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 560}
      title={title}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{cancelText}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={saving} data-testid={`${testId}-save`}>
            {saveText}
          </Button>
        </Flex>
      }
    >
      {open && (
        <div style={{ display: 'contents' }} onKeyDown={keepEnterInField}>
          {children}
        </div>
      )}
    </Drawer>
  );
}
