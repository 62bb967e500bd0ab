import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { resourceByName } from '../../schema';
import { ShowWithRelated } from '../schema-ui/ShowWithRelated';

/** Opens the list this definition describes (hidden lists have no page). */
const OpenListButton = () => {
  const record = useRecordContext();
  if (!record || record.hidden || !resourceByName[record.name]) return null;
  return (
    <Button component={Link} to={`/${record.name}`} label="huiwu.customSchema.openList">
      <OpenInNewIcon />
    </Button>
  );
};

/** A custom list: its definition, then its fields, in order, with a button to add one. */
export const CustomResourceShow = () => (
  <ShowWithRelated
    resource={resourceByName.customResources}
    actions={<OpenListButton />}
    related={[
      {
        resource: 'customFields',
        target: 'resource',
        source: 'name',
        label: 'huiwu.customSchema.fields',
        empty: 'huiwu.empty.fields',
        addLabel: 'huiwu.customSchema.addField',
        sort: { field: 'position', order: 'ASC' },
      },
    ]}
  />
);
