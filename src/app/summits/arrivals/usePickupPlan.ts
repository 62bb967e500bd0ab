import { useQuery } from '@tanstack/react-query';
import type { RaRecord } from 'react-admin';
import type { PickupPlan } from '../../../schema';
import { apiUrl, httpClient } from '../../providers/httpClient';

export type PlanWithGuests = PickupPlan & { guests: RaRecord[] };

/** The summit's pick-up plan, computed by the server (GET /api/attendees/pickups), refreshed
 * with react-admin's other queries. */
export const usePickupPlan = (summitId: unknown) =>
  useQuery({
    queryKey: ['attendees', 'pickups', summitId],
    queryFn: async () => {
      const filter = encodeURIComponent(JSON.stringify({ summitId }));
      const { json } = await httpClient(`${apiUrl}/attendees/pickups?filter=${filter}`);
      return json as PlanWithGuests;
    },
    enabled: summitId !== undefined && summitId !== null,
  });
