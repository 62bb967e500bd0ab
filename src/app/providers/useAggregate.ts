import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AggregateParams, HuiwuDataProvider } from './dataProvider';

/** Server-computed counts and sums, cached and refreshed like react-admin's own queries
 * (its refresh button and every save invalidate them). */
export const useAggregate = (resource: string, params: AggregateParams, enabled = true) => {
  const dataProvider = useDataProvider<HuiwuDataProvider>();
  return useQuery({
    queryKey: [resource, 'aggregate', params],
    queryFn: () => dataProvider.aggregate(resource, params),
    enabled,
  });
};
