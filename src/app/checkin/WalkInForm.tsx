import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { getField, resourceByName } from '../../schema';
import { convertValue } from '../../schema/validate';
import { useTypedOptions, type TypedOption } from '../grid/typing/useTypedOptions';

const phoneField = getField(resourceByName.attendees, 'phone')!;
const organizationField = getField(resourceByName.attendees, 'organizationId')!;

export interface WalkIn {
  name: string;
  /** as typed, or the name of the one chosen */
  organization: string;
  /** the organisation chosen among those the server found; none: linked by its name, or new */
  organizationId?: number | string;
  phone: string;
}

const blank: WalkIn = { name: '', organization: '', phone: '' };

/** A guest nobody listed: name, organization, phone, and in they go. The organisation is
 * picked as in the grid's link cells: the ones the server finds by what is typed, or a new one
 * (新建单位“…”); typed and not picked, it is the one of that name, or a new one. */
export const WalkInForm = ({ onAdd, initialName }: { onAdd: (entry: WalkIn) => void; initialName: string }) => {
  const translate = useTranslate();
  const [entry, setEntry] = useState<WalkIn>(blank);
  const [chosen, setChosen] = useState<TypedOption | null>(null);
  const options = useTypedOptions(organizationField, entry.organization);
  useEffect(() => setEntry((e) => (e.name ? e : { ...e, name: initialName })), [initialName]);
  // the schema's own rule, so the server does not refuse what the form let through
  const phoneOk = entry.phone === '' || 'value' in convertValue(phoneField, entry.phone);
  const field = (key: 'name' | 'phone', label: string) => (
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
          onAdd({
            ...entry,
            name: entry.name.trim(),
            organization: entry.organization.trim(),
            phone: entry.phone.trim(),
          });
          setEntry(blank);
          setChosen(null);
        }}
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}
      >
        {field('name', 'resources.attendees.fields.name')}
        <Autocomplete
          freeSolo
          options={options}
          // the server found them by what is typed (pinyin, short names): all are shown
          filterOptions={(found) => found}
          getOptionLabel={(option) => (typeof option === 'string' ? option : option.label)}
          getOptionKey={(option) => (typeof option === 'string' ? option : `${option.id}:${option.create ?? ''}`)}
          value={chosen}
          inputValue={entry.organization}
          onInputChange={(_, text, reason) => {
            // a pick sets the text itself (新建单位“X” is X)
            if (reason === 'input' || reason === 'clear') {
              setEntry((e) => ({ ...e, organization: text, organizationId: undefined }));
              setChosen(null);
            }
          }}
          onChange={(_, option) => {
            if (!option || typeof option === 'string') return;
            setChosen(option);
            setEntry((e) => ({
              ...e,
              organization: option.create ?? option.label,
              organizationId: option.create ? undefined : (option.id as number | string),
            }));
          }}
          renderInput={(params) => (
            <TextField {...params} label={translate('resources.attendees.fields.organizationId')} />
          )}
          sx={{ flex: '1 1 180px' }}
        />
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
