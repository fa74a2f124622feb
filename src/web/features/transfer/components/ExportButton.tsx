import { DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportKind, FileFormat, FileLanguage } from '../../../../shared/contracts/transfer';
import { useAuth } from '../../../app/auth';
import { exportUrl } from '../api';

interface Props {
  kind: ExportKind;
  /** the list's current filters and search, exactly as its query sends them */
  filters: Record<string, string | number | undefined>;
}

/**
 * Export of a list as XLSX or CSV (ACC-6): the browser downloads the streamed file straight from
 * the server, so a large export never passes through the page's memory.
 */
export function ExportButton({ kind, filters }: Props) {
  const { t, i18n } = useTranslation('transfer');
  const { can } = useAuth();
  if (!can('account:export')) return null;
  const lang: FileLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
  const download = (format: FileFormat) => {
    const a = document.createElement('a');
    a.href = exportUrl(kind, format, lang, filters);
    a.download = '';
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', icon: <FileExcelOutlined />, label: t('export.xlsx'), 'data-testid': `${kind}-export-xlsx` } as never,
          { key: 'csv', icon: <FileTextOutlined />, label: t('export.csv'), 'data-testid': `${kind}-export-csv` } as never,
        ],
        onClick: ({ key }) => download(key as FileFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} title={t('export.hint')} data-testid={`${kind}-export`}>
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
