import { Show, TabbedShowLayout } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { RelatedList, type Related } from './RelatedList';
import { SchemaFields } from './SchemaShow';
import { ShowActions } from './ShowActions';

/** A show page whose first tab is the record and whose other tabs list what points at it. */
export const ShowWithRelated = ({
  resource,
  detailsLabel = 'huiwu.common.details',
  related,
}: {
  resource: ResourceDef;
  detailsLabel?: string;
  related: Related[];
}) => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label={detailsLabel}>
        <SchemaFields resource={resource} />
      </TabbedShowLayout.Tab>
      {related.map((item) => (
        <TabbedShowLayout.Tab key={`${item.resource}.${item.target}`} label={item.label} path={`${item.resource}-${item.target}`}>
          <RelatedList related={item} />
        </TabbedShowLayout.Tab>
      ))}
    </TabbedShowLayout>
  </Show>
);
