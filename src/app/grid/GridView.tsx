import { useState } from 'react';
import { useRefresh, type RaRecord } from 'react-admin';
import { resourceByName, type FieldDef, type ResourceDef } from '../../schema';
import { AddChildDialog } from '../schema-ui/AddChildDialog';
import { GridToolbar } from './GridToolbar';
import { RecordDrawer } from './RecordDrawer';
import { SchemaGrid } from './SchemaGrid';
import { useGridLayout } from './useGridLayout';

/** The grid with its toolbar and the drawer that opens a row's full form. Inside any
 * react-admin list context: a resource's list, or a summit's guests. */
export const GridView = ({
  resource,
  omit = [],
  defaults = {},
  preset,
  what,
}: {
  resource: ResourceDef;
  omit?: string[];
  defaults?: Record<string, unknown>;
  /** a layout of its own with these columns first shown (a summit's certificate list) */
  preset?: { key: string; columns: string[] };
  /** i18n key of what the rows are, when not the whole list (a summit's certificates): names
   * its export */
  what?: string;
}) => {
  const columns = useGridLayout(resource, preset);
  const { layout, setLayout, visible } = columns;
  const [open, setOpen] = useState<RaRecord['id'] | null>(null);
  const [cursor, setCursor] = useState<RaRecord['id'] | null>(null);
  const [through, setThrough] = useState<{ field: FieldDef; record: RaRecord } | null>(null);
  const refresh = useRefresh();
  return (
    <>
      <GridToolbar
        resource={resource}
        layout={layout}
        setLayout={setLayout}
        visible={visible}
        cursor={cursor}
        onOpen={setOpen}
        summitId={defaults.summitId}
        fixed={defaults}
        what={what}
      />
      <SchemaGrid
        resource={resource}
        columns={columns}
        omit={omit}
        defaults={defaults}
        onOpen={setOpen}
        onCursor={setCursor}
        onEditThrough={(field, record) => setThrough({ field, record })}
      />
      {through && (
        <AddChildDialog
          child={resourceByName[through.field.setBy!]}
          parentResource={resource}
          parent={through.record}
          onClose={() => setThrough(null)}
          onDone={refresh}
        />
      )}
      <RecordDrawer resource={resource} id={open} onClose={() => setOpen(null)} />
    </>
  );
};
