import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorDetail, errorMessage } from './errors';

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: the localized reason, what the server said beyond it, and a retry. */
export function ErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation('common');
  const title = errorMessage(error, t);
  const said = errorDetail(error, t);
  const detail = said !== title ? said : undefined;
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
