import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';
import { SeriesSummary } from './SeriesSummary';

export const SeriesShow = () => (
  <ShowWithRelated
    resource={resourceByName.series}
    details={<SeriesSummary />}
    related={[
      {
        resource: 'lectures',
        target: 'seriesId',
        label: 'huiwu.series.lectures',
        empty: 'huiwu.empty.seriesLectures',
        sort: { field: 'startsAt', order: 'DESC' },
      },
    ]}
  />
);
