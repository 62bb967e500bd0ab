import Drawer from '@mui/material/Drawer';
import { Edit, type RaRecord } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { SchemaForm } from '../schema-ui/SchemaForm';

/** A row's whole form (long texts included) beside the grid, which keeps its place. */
export const RecordDrawer = ({
  resource,
  id,
  onClose,
}: {
  resource: ResourceDef;
  id: RaRecord['id'] | null;
  onClose: () => void;
}) => (
  <Drawer
    anchor="right"
    open={id !== null}
    onClose={onClose}
    slotProps={{ paper: { sx: { width: { xs: '100%', sm: 640 } } } }}
  >
    {id !== null && (
      <Edit
        // the page keeps the list's title
        title={false}
        resource={resource.name}
        id={id}
        mutationMode="pessimistic"
        redirect={false}
        mutationOptions={{ onSuccess: onClose }}
        actions={false}
      >
        <SchemaForm resource={resource} />
      </Edit>
    )}
  </Drawer>
);
