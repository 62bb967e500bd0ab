import type { ReactNode } from 'react';
import { Show, TabbedShowLayout, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { allows, dependantsOf, resourceByName, type ResourceDef } from '../../schema';
import { HistoryList } from './HistoryList';
import { RelatedList, type Related } from './RelatedList';
import { SchemaFields } from './SchemaShow';
import { ShowActions } from './ShowActions';

/** A show page whose first tab is the record, whose next tabs list what points at it, and
 * whose last tab, for admins, is the record's history from the audit trail. */
export const ShowWithRelated = ({
  resource,
  detailsLabel = 'huiwu.common.details',
  related,
  details,
  actions,
  header,
  tabs = [],
}: {
  resource: ResourceDef;
  detailsLabel?: string;
  related: Related[];
  /** the first tab, when every field in schema order is not the best view */
  details?: ReactNode;
  /** buttons of this resource's own, beside edit and delete (a summit's check-in desk) */
  actions?: ReactNode;
  /** above the tabs: headline figures */
  header?: ReactNode;
  /** tabs of this resource's own, after the related lists (a summit's arrivals) */
  tabs?: { label: string; path: string; content: ReactNode }[];
}) => {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  // lists admins added that link here get a tab too (an organization's technology needs)
  const custom: Related[] = dependantsOf(resource.name)
    .filter(({ resource: list }) => list.custom && allows(permissions, list, 'read'))
    .map(({ resource: list, field }) => ({
      resource: list.name,
      target: field.source,
      label: `resources.${list.name}.name`,
      path: `${list.name}-${field.source}`,
    }));
  return (
    <Show
      actions={
        // a read-only record (a mail, an audit entry) keeps only its own buttons
        resource.readOnly ? actions ? <TopToolbar>{actions}</TopToolbar> : false : <ShowActions extra={actions} />
      }
    >
      {header}
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label={detailsLabel}>
          {details ?? <SchemaFields resource={resource} />}
        </TabbedShowLayout.Tab>
        {[...related.filter((item) => allows(permissions, resourceByName[item.resource], 'read')), ...custom].map(
          (item) => (
            <TabbedShowLayout.Tab
              key={item.path ?? `${item.resource}.${item.target}`}
              // a list's name in the plural (English names hold both: 'Leave |||| Leaves')
              label={translate(item.label, { smart_count: 2, _: item.label })}
              path={item.path ?? `${item.resource}-${item.target}`}
            >
              <RelatedList related={item} />
            </TabbedShowLayout.Tab>
          ),
        )}
        {tabs.map((tab) => (
          <TabbedShowLayout.Tab key={tab.path} label={tab.label} path={tab.path}>
            {tab.content}
          </TabbedShowLayout.Tab>
        ))}
        {allows(permissions, resource, 'write') && (
          <TabbedShowLayout.Tab label="huiwu.history.tab" path="history">
            <HistoryList resource={resource.name} />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};
