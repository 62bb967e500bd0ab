import type { ReactNode } from 'react';
import { ColumnsButton, CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { FieldDisplay } from './FieldDisplay';
import { schemaFilters } from './filters';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    <CreateButton />
  </TopToolbar>
);

/** A resource's list: columns, filters and default order, all from the schema. */
export const SchemaList = ({ resource, children }: { resource: ResourceDef; children?: ReactNode }) => (
  <List
    // react-admin's default CSV is not what Excel users need (codes, ids, no BOM): no export
    // button until the Excel-ready exporter exists.
    exporter={false}
    resource={resource.name}
    filters={schemaFilters(resource)}
    sort={resource.sort}
    perPage={25}
    actions={<ListActions />}
    // wide tables scroll inside the card, so the toolbar and the menu stay in view
    sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto', minWidth: 0 } }}
  >
    {children ?? <SchemaDataTable resource={resource} />}
  </List>
);

export const SchemaDataTable = ({ resource, omit = [] }: { resource: ResourceDef; omit?: string[] }) => (
  <DataTable
    rowClick="show"
    sx={{
      '& th': { whiteSpace: 'nowrap' },
      '& td': { whiteSpace: 'nowrap', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' },
    }}
    hiddenColumns={resource.fields.filter((field) => field.list === false).map((field) => field.source)}
  >
    {resource.fields
      .filter((field) => !omit.includes(field.source))
      .map((field) => (
        <DataTable.Col key={field.source} source={field.source}>
          <FieldDisplay field={field} />
        </DataTable.Col>
      ))}
  </DataTable>
);
