import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './errors';

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: the localized reason, the server's own words as detail, and a retry. */
export function ErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation('common');
  const title = errorMessage(error, t);
  const detail = error instanceof ApiError && error.message !== title ? error.message : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={detail}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
