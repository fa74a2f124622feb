import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';

interface Props {
  id: number;
  /** the 360 page's tab to open (`?tab=`) */
  tab?: string;
  children: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * An account's name leading to its 360 page — for those who may open it (account:read). For anyone
 * else (finance reading a development project) the name is plain text: a link would only lead to 无权访问.
 */
export function AccountLink({ id, tab, children, style, 'data-testid': testId }: Props) {
  const { can } = useAuth();
  if (!can('account:read')) return <span style={style} data-testid={testId}>{children}</span>;
  return (
    <Link to={tab ? `/accounts/${id}?tab=${tab}` : `/accounts/${id}`} style={style} data-testid={testId}>
      {children}
    </Link>
  );
}
