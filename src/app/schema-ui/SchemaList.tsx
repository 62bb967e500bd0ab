import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense, type ReactNode } from 'react';
import { CreateButton, FilterButton, List, Pagination, TopToolbar, useGetIdentity } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { schemaFilters } from './filters';

// the spreadsheet grid (Glide, its cells and editors) loads with the first list, not the login page
const GridView = lazy(() => import('../grid/GridView').then((m) => ({ default: m.GridView })));

const ListActions = ({ extra }: { extra?: ReactNode }) => (
  <TopToolbar>
    {extra}
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export const PAGE_SIZES = [25, 50, 100, 250, 500];

/** A resource's list: the spreadsheet grid, its filters and default order, all from the schema. */
export const SchemaList = ({
  resource,
  children,
  actions,
}: {
  resource: ResourceDef;
  children?: ReactNode;
  /** buttons of this resource's own, beside filter and create (the agreements ledger) */
  actions?: ReactNode;
}) => {
  // filters, sort and page size are kept per user, not per browser
  const { identity } = useGetIdentity();
  return (
    <List
      storeKey={`${identity?.username ?? 'anonymous'}.${resource.name}.listParams`}
      // react-admin's default CSV is not what Excel users need (codes, ids, no BOM): no export
      // button until the Excel-ready exporter exists.
      exporter={false}
      resource={resource.name}
      filters={schemaFilters(resource)}
      sort={resource.sort}
      perPage={50}
      pagination={<Pagination rowsPerPageOptions={PAGE_SIZES} />}
      actions={<ListActions extra={actions} />}
      // wide tables scroll inside the card, so the toolbar and the menu stay in view
      sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto', minWidth: 0 } }}
    >
      {children ?? (
        <Suspense fallback={<LinearProgress />}>
          <GridView resource={resource} />
        </Suspense>
      )}
    </List>
  );
};
