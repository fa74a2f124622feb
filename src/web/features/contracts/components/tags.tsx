import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractKind, ContractStatus } from '../../../../shared/contracts/contracts';
import type { InstalmentStatus } from '../../../../shared/domain/receivables';
import { StatusTag } from '../../../components/StatusTag';
import { CONTRACT_STATUS_COLORS, INSTALMENT_STATUS_COLORS, KIND_COLORS } from '../helpers';

/** 战略合作协议 / 销售合同 / 补充协议, a supplement with its revision under the parent. */
export function KindTag({ kind, revision }: { kind: ContractKind; revision?: number }) {
  const { t } = useTranslation('contracts');
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`kinds.${kind}`)}
      {kind === 'supplement' && revision ? ` #${revision}` : ''}
    </Tag>
  );
}

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  return <StatusTag value={status} labelPrefix="contracts:statuses" colors={CONTRACT_STATUS_COLORS} />;
}

export function InstalmentStatusTag({ status }: { status: InstalmentStatus }) {
  return <StatusTag value={status} labelPrefix="contracts:instalmentStatuses" colors={INSTALMENT_STATUS_COLORS} />;
}
