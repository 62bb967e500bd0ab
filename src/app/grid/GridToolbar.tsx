import ClearIcon from '@mui/icons-material/Clear';
import EditIcon from '@mui/icons-material/Edit';
import VisibilityIcon from '@mui/icons-material/Visibility';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  BulkDeleteButton,
  Button,
  useCreatePath,
  useListContext,
  usePermissions,
  useTranslate,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { allows, type ResourceDef } from '../../schema';
import { BulkSetField } from './BulkSetField';
import { ExportMenu } from '../export/ExportMenu';
import { ImportButton } from '../import/ImportButton';
import { InviteButton } from '../mail/InviteButton';
import { PrintButtons } from '../print/PrintButtons';
import { ColumnsMenu } from './ColumnsMenu';
import { fixedValues } from './listContext';
import type { GridLayout } from './useGridLayout';
import type { FieldDef } from '../../schema';
import { takesNewRow } from './useNewRow';
import { ViewsMenu } from './ViewsMenu';

const scalar = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : undefined);

/**
 * Above the grid: views and columns; with rows selected, what can be done to all of them, over
 * the toolbar, in its place. Nothing here changes the toolbar's height as rows are ticked or the
 * cursor moves (the grid below would move under the pointer): the record buttons are there,
 * disabled, with no cursor; the ticked rows' bar covers the toolbar; the hint takes what room
 * is left on the line, cut short with an ellipsis (its whole text on hover).
 */
export const GridToolbar = ({
  resource,
  layout,
  setLayout,
  visible,
  cursor,
  onOpen,
  summitId,
  fixed,
  what,
}: {
  resource: ResourceDef;
  layout: GridLayout;
  setLayout: (l: GridLayout) => void;
  /** the columns shown, in order */
  visible: FieldDef[];
  /** the record under the grid's cursor */
  cursor: RaRecord['id'] | null;
  onOpen?: (id: RaRecord['id']) => void;
  /** the summit the rows belong to, when there is one (its printable sheets) */
  summitId?: unknown;
  /** values the list fixes for its rows (a summit's guests): imported rows get them too */
  fixed: Record<string, unknown>;
  /** i18n key of what the rows are, when not the whole list: names its export */
  what?: string;
}) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const { selectedIds, filterValues, onUnselectItems, total, isPending } = useListContext();
  const { permissions: role } = usePermissions();
  const editable = allows(role, resource, 'write');
  // what the list holds its rows to: setting it moves them out (a summit's guests, elsewhere)
  const context = fixedValues(resource, filterValues, fixed);
  // no row to edit and no empty row to type into (the admin's lists of fields and of lists):
  // typing edits nothing, the create button adds the first
  const nothingToType = !isPending && total === 0 && !takesNewRow(resource, context);
  const hint = editable
    ? translate(nothingToType ? 'huiwu.grid.createHint' : 'huiwu.grid.hint')
    : // a list no one edits (the audit trail) says so, not that the role is to blame
      resource.readOnly
      ? translate('huiwu.grid.systemHint', {
          name: translate(`resources.${resource.name}.name`, { smart_count: 2 }),
        })
      : translate('huiwu.grid.readOnlyHint');
  return (
    <Box
      data-testid="grid-toolbar"
      sx={{
        position: 'relative',
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        minHeight: 40,
        px: 1,
        flexWrap: 'wrap',
      }}
    >
      <ViewsMenu resource={resource} layout={layout} setLayout={setLayout} />
      <ColumnsMenu resource={resource} layout={layout} setLayout={setLayout} />
      <ExportMenu
        resource={resource}
        columns={visible}
        summitId={summitId ?? scalar(filterValues.summitId)}
        fixed={fixed}
        what={what}
      />
      <ImportButton resource={resource} fixed={fixed} />
      {resource.name === 'attendees' && scalar(summitId ?? filterValues.summitId) !== undefined && (
        <PrintButtons summitId={summitId ?? filterValues.summitId} />
      )}
      {cursor === null ? (
        <Button label="huiwu.grid.details" disabled>
          <VisibilityIcon />
        </Button>
      ) : (
        <Button
          label="huiwu.grid.details"
          component={Link}
          to={createPath({ resource: resource.name, id: cursor, type: 'show' })}
        >
          <VisibilityIcon />
        </Button>
      )}
      {editable && onOpen && (
        <Button label="huiwu.grid.open" disabled={cursor === null} onClick={() => cursor !== null && onOpen(cursor)}>
          <EditIcon />
        </Button>
      )}
      <Typography
        variant="caption"
        color="text.secondary"
        noWrap
        title={hint}
        sx={{ flex: '1 1 0', minWidth: 0, textAlign: 'right' }}
      >
        {hint}
      </Typography>
      {selectedIds.length > 0 && (
        <Box
          role="toolbar"
          aria-label={translate('ra.action.bulk_actions', { smart_count: selectedIds.length })}
          sx={{
            position: 'absolute',
            inset: 0,
            zIndex: 1,
            display: 'flex',
            alignItems: 'center',
            gap: 1,
            px: 1,
            bgcolor: (theme) => (theme.palette.mode === 'dark' ? 'grey.800' : '#e8eef8'),
          }}
        >
          <Button label="ra.action.unselect" onClick={() => onUnselectItems()}>
            <ClearIcon />
          </Button>
          <Typography variant="body2">
            {translate('ra.action.bulk_actions', { smart_count: selectedIds.length })}
          </Typography>
          {editable && <BulkSetField resource={resource} context={context} />}
          {resource.name === 'attendees' && scalar(summitId ?? filterValues.summitId) !== undefined && (
            <InviteButton summitId={scalar(summitId ?? filterValues.summitId) as Identifier} ids={selectedIds} />
          )}
          {editable && <BulkDeleteButton mutationMode="undoable" />}
        </Box>
      )}
    </Box>
  );
};
