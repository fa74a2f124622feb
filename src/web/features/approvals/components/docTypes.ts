import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';

export interface DocType {
  type: string;
  labelKey: string;
}

/**
 * Document types that go through approval. The server lists them only for chain managers;
 * everyone else gets the types named in the approvals locale (docTypes.*), which is what they can filter by.
 */
export function useDocTypes() {
  const { can } = useAuth();
  const { i18n } = useTranslation('approvals');
  const manager = can('approval-chain:manage');
  const query = useQuery({
    queryKey: ['approval-doc-types'],
    queryFn: () => api.get<{ items: DocType[] }>('/api/approval-doc-types').then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled: manager,
  });
  const known = useMemo<DocType[]>(() => {
    const bundle = i18n.getResourceBundle(i18n.language, 'approvals') as { docTypes?: Record<string, string> } | undefined;
    return Object.keys(bundle?.docTypes ?? {}).map((type) => ({ type, labelKey: `docTypes.${type}` }));
  }, [i18n]);
  return { data: manager ? query.data : known, isLoading: manager && query.isLoading };
}

/** A document type's label: its labelKey in the approvals namespace (or 'ns:key' of the owning feature). */
export function useDocTypeLabel() {
  const { t } = useTranslation('approvals');
  const types = useDocTypes();
  return useCallback(
    (type: string) => {
      const key = types.data?.find((d) => d.type === type)?.labelKey ?? `docTypes.${type}`;
      return t(key, { defaultValue: type });
    },
    [t, types.data],
  );
}
