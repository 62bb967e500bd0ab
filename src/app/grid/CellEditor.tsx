import Autocomplete from '@mui/material/Autocomplete';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import type { ProvideEditorComponent } from '@glideapps/glide-data-grid';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { enums, resourceByName } from '../../schema';
import type { FieldCell } from './cells';
import { fromLocalInput, toLocalInput } from '../schema-ui/time';

interface Option {
  id: unknown;
  label: string;
}

/** The picker of an enum, reference, date or date-time cell: Enter commits, Esc cancels. */
export const CellEditor: ProvideEditorComponent<FieldCell> = ({ value: cell, onFinishedEditing }) => {
  const { field } = cell.data;
  const finish = (value: unknown, display: string) =>
    onFinishedEditing({ ...cell, copyData: display, data: { ...cell.data, value, display } });
  if (field.type === 'date' || field.type === 'datetime') {
    const date = field.type === 'date';
    return (
      <Paper sx={{ p: 1 }}>
        <TextField
          autoFocus
          size="small"
          type={date ? 'date' : 'datetime-local'}
          defaultValue={date ? (cell.data.value ?? '') : toLocalInput(cell.data.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            const text = (event.target as HTMLInputElement).value;
            const value = text === '' ? null : date ? text : fromLocalInput(text);
            finish(value, text.replace('T', ' '));
          }}
        />
      </Paper>
    );
  }
  return field.type === 'enum' ? <EnumPicker cell={cell} finish={finish} /> : <ReferencePicker cell={cell} finish={finish} />;
};

const Picker = ({ options, cell, finish, onInput }: { options: Option[]; cell: FieldCell; finish: (value: unknown, display: string) => void; onInput?: (text: string) => void }) => (
  <Paper sx={{ p: 1, minWidth: 260 }}>
    <Autocomplete
      openOnFocus
      autoHighlight
      options={options}
      value={options.find((o) => o.id === cell.data.value) ?? null}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_event, text) => onInput?.(text)}
      onChange={(_event, option) => finish(option?.id ?? null, option?.label ?? '')}
      renderInput={(params) => <TextField {...params} autoFocus size="small" />}
      slotProps={{ popper: { disablePortal: true } }}
    />
  </Paper>
);

const EnumPicker = ({ cell, finish }: { cell: FieldCell; finish: (value: unknown, display: string) => void }) => {
  const translate = useTranslate();
  const options = (enums[cell.data.field.enum ?? ''] ?? []).map((o) => ({ id: o.id, label: translate(`enums.${cell.data.field.enum}.${o.id}`) }));
  return <Picker options={options} cell={cell} finish={finish} />;
};

/** References are picked by name, searched on the server as the user types. */
const ReferencePicker = ({ cell, finish }: { cell: FieldCell; finish: (value: unknown, display: string) => void }) => {
  const target = resourceByName[cell.data.field.reference!];
  const [q, setQ] = useState('');
  const { data } = useGetList(target.name, { filter: q && q !== cell.data.display ? { q } : {}, pagination: { page: 1, perPage: 30 }, sort: target.sort });
  const options = (data ?? []).map((row) => ({ id: row.id, label: String(row[target.titleField] ?? `#${row.id}`) }));
  if (cell.data.value != null && !options.some((o) => o.id === cell.data.value)) options.unshift({ id: cell.data.value, label: cell.data.display });
  return <Picker options={options} cell={cell} finish={finish} onInput={setQ} />;
};
