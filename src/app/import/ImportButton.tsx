import UploadIcon from '@mui/icons-material/Upload';
import { useState } from 'react';
import { Button, usePermissions } from 'react-admin';
import { allows, importable, type ResourceDef } from '../../schema';
import { ImportDialog } from './ImportDialog';

/** "Import" above a grid, for those who may write its resource. */
export const ImportButton = ({ resource, fixed }: { resource: ResourceDef; fixed: Record<string, unknown> }) => {
  const { permissions: role } = usePermissions();
  const [open, setOpen] = useState(false);
  if (!importable(resource) || !allows(role, resource, 'write')) return null;
  return (
    <>
      <Button label="huiwu.import.button" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      {open && <ImportDialog resource={resource} fixed={fixed} onClose={() => setOpen(false)} />}
    </>
  );
};
