import { useMemo } from 'react';
import { useGetList, useGetMany, type RaRecord } from 'react-admin';
import { useParams, useSearchParams } from 'react-router-dom';

// Chinese names sort by pinyin
const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');

/** The guests a print page is for: the ones ticked in the grid (?ids=1,2,3), or everyone
 * expected at the summit; with their organizations' names. */
export function usePrintGuests() {
  const { id: summitId } = useParams();
  const [params] = useSearchParams();
  const ids = params.get('ids')?.split(',').filter(Boolean).map(Number);
  const filter = ids?.length
    ? { id: ids }
    : { summitId: Number(summitId), invitation: ['invited', 'confirmed', 'checkedIn'] };
  const { data, isPending } = useGetList('attendees', {
    filter,
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage: 2000 },
  });
  const orgIds = [...new Set((data ?? []).map((g) => g.organizationId).filter((id) => id != null))];
  const { data: orgs } = useGetMany('organizations', { ids: orgIds }, { enabled: orgIds.length > 0 });
  const guests = useMemo(() => {
    const names = new Map((orgs ?? []).map((o) => [o.id, String(o.name)]));
    return [...(data ?? [])]
      .sort((a, b) => pinyin.compare(String(a.name), String(b.name)))
      .map((g) => ({ ...g, organization: names.get(g.organizationId) ?? '' }) as RaRecord & { organization: string });
  }, [data, orgs]);
  return { summitId, guests, loading: isPending || (orgIds.length > 0 && !orgs), params };
}
