import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense, type ReactNode } from 'react';
import {
  CreateButton,
  FilterButton,
  List,
  Pagination,
  TopToolbar,
  useGetIdentity,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { NOT_EXTENSIBLE, type ResourceDef } from '../../schema';
import { FieldsButton } from '../customSchema/FieldsButton';
import { ScopedList } from '../grid/listScope';
import { EmptyNote } from './EmptyNote';
import { schemaFilters } from './filters';
import { useKnownListParams } from './useKnownListParams';

// the spreadsheet grid (Glide, its cells and editors) loads with the first list, not the login page
const GridView = lazy(() => import('../grid/GridView').then((m) => ({ default: m.GridView })));

type Defaults = (filter: Record<string, unknown>) => Record<string, unknown>;

const ListActions = ({
  resource,
  extra,
  createDefaults,
}: {
  resource: ResourceDef;
  extra?: ReactNode;
  createDefaults?: Defaults;
}) => {
  const { filterValues } = useListContext();
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {extra}
      <FilterButton />
      {/* admins add fields to a list where they meet it */}
      {permissions === 'admin' && !NOT_EXTENSIBLE.has(resource.name) && <FieldsButton resource={resource.name} />}
      <CreateButton state={createDefaults ? { record: createDefaults(filterValues) } : undefined} />
    </TopToolbar>
  );
};

export const PAGE_SIZES = [25, 50, 100, 250, 500];

/** A resource's list: the spreadsheet grid, its filters and default order, all from the schema. */
export const SchemaList = ({
  resource,
  children,
  actions,
  createDefaults,
  empty,
}: {
  resource: ResourceDef;
  children?: ReactNode;
  /** buttons of this resource's own, beside filter and create (the agreements ledger) */
  actions?: ReactNode;
  /** what a new record starts from, given the list's filters */
  createDefaults?: Defaults;
  /** i18n key of what the list says when it holds nothing yet, in the grid (how to add the
   * first); without it, 暂无… above the grid */
  empty?: string;
}) => {
  // filters, sort and page size are kept per user, not per browser
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const storeKey = `${identity?.username ?? 'anonymous'}.${resource.name}.listParams`;
  if (!useKnownListParams(storeKey, resource)) return null;
  return (
    <List
      storeKey={storeKey}
      // react-admin's default CSV is not what Excel users need (codes, ids, no BOM): the grid's
      // toolbar has the Excel-ready export instead
      exporter={false}
      // an empty list still shows its grid, so rows can be imported or pasted into a new list
      empty={false}
      resource={resource.name}
      filters={schemaFilters(resource)}
      sort={resource.sort}
      perPage={50}
      pagination={<Pagination rowsPerPageOptions={PAGE_SIZES} />}
      actions={<ListActions resource={resource} extra={actions} createDefaults={createDefaults} />}
      // wide tables scroll inside the card, so the toolbar and the menu stay in view
      sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto', minWidth: 0 } }}
    >
      {children ?? (
        <Suspense fallback={<LinearProgress />}>
          {empty ? (
            <ScopedList scope={{ filter: {}, empty }}>
              <GridView resource={resource} />
            </ScopedList>
          ) : (
            <>
              <EmptyNote name={translate(`resources.${resource.name}.name`, { smart_count: 2 })} />
              <GridView resource={resource} />
            </>
          )}
        </Suspense>
      )}
    </List>
  );
};
