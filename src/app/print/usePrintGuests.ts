import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type RaRecord } from 'react-admin';
import { useParams, useSearchParams } from 'react-router-dom';
import { getField, inInvitationGroup, resourceByName } from '../../schema';
import { fetchAll, fetchTitles } from '../export/fetchRows';
import { apiUrl, httpClient } from '../providers/httpClient';
import { byPinyin } from '../../schema/text/collate';

/** The guests a print page is for: the ones ticked in the grid (?ids=1,2,3, of this summit), or
 * everyone expected at the summit; with their organizations' names. Fetched in chunks, so a
 * province-sized guest list prints whole. */
export function usePrintGuests() {
  const { id: summitId } = useParams();
  const [params] = useSearchParams();
  const dataProvider = useDataProvider();
  const ids = params.get('ids');
  const { data, isPending } = useQuery({
    queryKey: ['attendees', 'print', summitId, ids],
    queryFn: async () => {
      // each guest without a check-in code gets one, for the QR code printed on their badge (a
      // role that may not change the guests prints without)
      await httpClient(`${apiUrl}/summits/${summitId}/checkin-codes`, { method: 'POST', body: '{}' }).catch(() => null);
      const wanted = ids ? new Set(ids.split(',').filter(Boolean)) : null;
      const all = await fetchAll(
        dataProvider,
        'attendees',
        { summitId: Number(summitId) },
        { field: 'id', order: 'ASC' },
      );
      const rows = all.filter((g) => (wanted ? wanted.has(String(g.id)) : inInvitationGroup('expected', g.invitation)));
      const names = await fetchTitles(dataProvider, getField(resourceByName.attendees, 'organizationId')!, rows);
      return rows
        .sort((a, b) => byPinyin(String(a.name), String(b.name)))
        .map((g) => ({ ...g, organization: names.get(g.organizationId) ?? '' }) as RaRecord & { organization: string });
    },
  });
  return { summitId, guests: data ?? [], loading: isPending, params };
}
