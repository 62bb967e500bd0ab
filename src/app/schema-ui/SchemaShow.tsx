import { Labeled } from 'react-admin';
import Box from '@mui/material/Box';
import type { ResourceDef } from '../../schema';
import { FieldDisplay } from './FieldDisplay';

/** Every field of a record, labelled, in schema order; long texts take the full width. */
export const SchemaFields = ({ resource, omit = [] }: { resource: ResourceDef; omit?: string[] }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2, width: '100%' }}>
    {resource.fields
      .filter((field) => !omit.includes(field.source) && field.type !== 'password')
      .map((field) => (
        <Box
          key={field.source}
          sx={field.type === 'longtext' || field.type === 'json' ? { gridColumn: '1 / -1' } : undefined}
        >
          <Labeled source={field.source} resource={resource.name}>
            <FieldDisplay field={field} />
          </Labeled>
        </Box>
      ))}
  </Box>
);
