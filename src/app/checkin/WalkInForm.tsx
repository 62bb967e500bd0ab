import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { getField, resourceByName } from '../../schema';
import { convertValue } from '../../schema/validate';

const phoneField = getField(resourceByName.attendees, 'phone')!;

/** A guest nobody listed: name, organization, phone, and in they go. */
export const WalkInForm = ({
  onAdd,
  initialName,
}: {
  onAdd: (entry: { name: string; organization: string; phone: string }) => void;
  initialName: string;
}) => {
  const translate = useTranslate();
  const [entry, setEntry] = useState({ name: '', organization: '', phone: '' });
  useEffect(() => setEntry((e) => (e.name ? e : { ...e, name: initialName })), [initialName]);
  // the schema's own rule, so the server does not refuse what the form let through
  const phoneOk = entry.phone === '' || 'value' in convertValue(phoneField, entry.phone);
  const field = (key: keyof typeof entry, label: string) => (
    <TextField
      label={translate(label)}
      value={entry[key]}
      onChange={(e) => setEntry({ ...entry, [key]: e.target.value })}
      error={key === 'phone' && !phoneOk}
      helperText={key === 'phone' && !phoneOk ? translate('huiwu.checkin.badPhone') : undefined}
      sx={{ flex: '1 1 180px' }}
    />
  );
  return (
    <Box component="section" aria-label={translate('huiwu.checkin.walkIn')} sx={{ mt: 3 }}>
      <Typography variant="h6">{translate('huiwu.checkin.walkIn')}</Typography>
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          onAdd({ name: entry.name.trim(), organization: entry.organization.trim(), phone: entry.phone.trim() });
          setEntry({ name: '', organization: '', phone: '' });
        }}
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        {field('name', 'resources.attendees.fields.name')}
        {field('organization', 'resources.attendees.fields.organizationId')}
        {field('phone', 'resources.attendees.fields.phone')}
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={!entry.name.trim() || !phoneOk}
          sx={{ minHeight: 56 }}
        >
          {translate('huiwu.checkin.addWalkIn')}
        </Button>
      </Box>
    </Box>
  );
};
