import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

export const SeriesShow = () => (
  <ShowWithRelated
    resource={resourceByName.series}
    related={[
      {
        resource: 'lectures',
        target: 'seriesId',
        label: 'huiwu.series.lectures',
        sort: { field: 'startsAt', order: 'DESC' },
      },
    ]}
  />
);
