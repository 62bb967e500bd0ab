import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense } from 'react';
import AddIcon from '@mui/icons-material/Add';
import { Button, Pagination, ReferenceManyField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { Link, useLocation } from 'react-router-dom';
import { resourceByName } from '../../schema';
import { ScopedList } from '../grid/listScope';
import { PAGE_SIZES } from './SchemaList';

// the spreadsheet grid (Glide, its cells and editors) loads with the first list, not the login page
const GridView = lazy(() => import('../grid/GridView').then((m) => ({ default: m.GridView })));

export interface Related {
  /** the resource whose records point here */
  resource: string;
  /** their field that holds this record's id */
  target: string;
  /** this record's field they hold, when not its id (a custom list's fields hold its key) */
  source?: string;
  /** i18n key of the tab */
  label: string;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  /** i18n key of what the tab says when it lists nothing (暂无%{name} otherwise) */
  empty?: string;
  /** i18n key of an "add" button that opens the create form with the reference filled in */
  addLabel?: string;
  /** the tab's address, when one resource is listed twice */
  path?: string;
  /** only some of them (the guests who get a certificate) */
  filter?: Record<string, unknown>;
  /** the columns shown, under a layout of their own (a certificate list's columns) */
  preset?: { key: string; columns: string[] };
}

/** The records of another resource that point at the current one, as a table. */
export const RelatedList = ({ related }: { related: Related }) => {
  const resource = resourceByName[related.resource];
  const translate = useTranslate();
  return (
    <>
      {related.addLabel && <AddRelatedButton related={related} />}
      <ReferenceManyField
        reference={related.resource}
        target={related.target}
        source={related.source}
        sort={related.sort ?? resource.sort}
        filter={related.filter}
        // one resource listed in two tabs (guests, certificates) keeps two selections
        storeKey={related.path ? `${related.resource}.${related.path}` : undefined}
        perPage={50}
        pagination={<Pagination rowsPerPageOptions={PAGE_SIZES} />}
      >
        {/* the tab's own filter stays whatever the grid does, and its own words say when it
            lists nothing, once, in the grid */}
        <ScopedList
          scope={{
            filter: related.filter ?? {},
            empty: related.empty ?? 'huiwu.empty.list',
            emptyArgs: { name: translate(`resources.${related.resource}.name`, { smart_count: 2 }) },
          }}
        >
          <RelatedGrid related={related} />
        </ScopedList>
      </ReferenceManyField>
    </>
  );
};

const AddRelatedButton = ({ related }: { related: Related }) => {
  const record = useRecordContext();
  const { pathname } = useLocation();
  const { canAccess } = useCanAccess({ resource: related.resource, action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Button
      component={Link}
      to={`/${related.resource}/create`}
      // the form comes back here once saved, and is titled as this button (添加嘉宾)
      state={{ record: { [related.target]: record[related.source ?? 'id'] }, from: pathname, title: related.addLabel }}
      label={related.addLabel}
      variant="outlined"
      sx={{ mb: 1 }}
    >
      <AddIcon />
    </Button>
  );
};

/** The related records as the grid; rows added by a paste belong to this record. */
const RelatedGrid = ({ related }: { related: Related }) => {
  const record = useRecordContext();
  return (
    <Suspense fallback={<LinearProgress />}>
      <GridView
        resource={resourceByName[related.resource]}
        omit={[related.target]}
        defaults={{ [related.target]: record?.[related.source ?? 'id'] }}
        preset={related.preset}
        // a list's second tab (certificates) holds some of its rows: its export is named after
        // the tab; the list's own tab keeps the list's name (参会人员)
        what={related.path ? related.label : undefined}
      />
    </Suspense>
  );
};
