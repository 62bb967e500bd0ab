import TuneIcon from '@mui/icons-material/Tune';
import { Button } from 'react-admin';
import { Link } from 'react-router-dom';

/** From a list to its custom fields (admins only): add, rename, reorder, hide. */
export const FieldsButton = ({ resource }: { resource: string }) => (
  <Button
    component={Link}
    to={{ pathname: '/customFields', search: `?filter=${encodeURIComponent(JSON.stringify({ resource }))}` }}
    label="huiwu.customSchema.fieldsButton"
  >
    <TuneIcon />
  </Button>
);
