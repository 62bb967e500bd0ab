import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { BulkDeleteButton, Button, useListContext, usePermissions, useTranslate, type RaRecord } from 'react-admin';
import { allows, type ResourceDef } from '../../schema';
import { BulkSetField } from './BulkSetField';
import { ColumnsMenu } from './ColumnsMenu';
import type { GridLayout } from './useGridLayout';
import { ViewsMenu } from './ViewsMenu';

/** Above the grid: views and columns; with rows selected, what can be done to all of them. */
export const GridToolbar = ({
  resource,
  layout,
  setLayout,
  onOpen,
}: {
  resource: ResourceDef;
  layout: GridLayout;
  setLayout: (l: GridLayout) => void;
  onOpen?: (id: RaRecord['id']) => void;
}) => {
  const translate = useTranslate();
  const { selectedIds } = useListContext();
  const { permissions: role } = usePermissions();
  const editable = allows(role, resource, 'write');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 40, px: 1, flexWrap: 'wrap' }}>
      <ViewsMenu resource={resource} layout={layout} setLayout={setLayout} />
      <ColumnsMenu resource={resource} layout={layout} setLayout={setLayout} />
      {selectedIds.length > 0 && (
        <>
          <Typography variant="body2" sx={{ ml: 2 }}>
            {translate('ra.action.bulk_actions', { smart_count: selectedIds.length })}
          </Typography>
          {selectedIds.length === 1 && onOpen && (
            <Button label="huiwu.grid.open" onClick={() => onOpen(selectedIds[0])}>
              <OpenInNewIcon />
            </Button>
          )}
          {editable && <BulkSetField resource={resource} />}
          {editable && <BulkDeleteButton mutationMode="undoable" />}
        </>
      )}
      <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
        {translate(editable ? 'huiwu.grid.hint' : 'huiwu.grid.readOnlyHint')}
      </Typography>
    </Box>
  );
};
