import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import useAutocomplete from '@mui/material/useAutocomplete';
import type { ProvideEditorComponent } from '@glideapps/glide-data-grid';
import { useEffect, useRef, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { resourceByName, type Lang } from '../../schema';
import { textOfValue, valueFromText } from '../../schema/fromText';
import { reasonText } from '../../schema/messages';
import { recordFromName } from '../../schema/fromName';
import { useTypedOptions } from './typing/useTypedOptions';
import type { FieldCell } from './fieldCell';
import { toLocalInput } from '../schema-ui/time';

interface Option {
  id: unknown;
  label: string;
}

/** The picker of an enum, reference, date or date-time cell: Enter commits, Esc cancels. */
export const CellEditor: ProvideEditorComponent<FieldCell> = ({
  value: cell,
  onChange,
  onFinishedEditing,
  initialValue,
}) => {
  const { field } = cell.data;
  const edited = (value: unknown, display: string): FieldCell => ({
    ...cell,
    copyData: display,
    data: { ...cell.data, value, display },
  });
  const finish = (value: unknown, display: string) => onFinishedEditing(edited(value, display));
  if (field.type === 'date' || field.type === 'datetime')
    return <DateEditor cell={cell} edited={edited} onChange={onChange} onFinishedEditing={onFinishedEditing} />;
  // typing on a selected cell opens the picker with what was typed
  const cancel = () => onFinishedEditing(undefined);
  return field.type === 'enum' ? (
    <EnumPicker cell={cell} finish={finish} cancel={cancel} typed={initialValue} />
  ) : (
    <ReferencePicker cell={cell} finish={finish} cancel={cancel} typed={initialValue} />
  );
};

/** A date or date-time typed as people write it (2026/5/24 15:00, 5月24日 下午3点: in the year of
 * the row's summit), read as import reads it; a text it cannot read stays in the editor with
 * the reason under it. */
const DateEditor = ({
  cell,
  edited,
  onChange,
  onFinishedEditing,
}: {
  cell: FieldCell;
  edited: (value: unknown, display: string) => FieldCell;
  onChange: (cell: FieldCell) => void;
  onFinishedEditing: (cell?: FieldCell) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { field, value } = cell.data;
  const shown = value == null ? '' : field.type === 'date' ? String(value) : toLocalInput(value).replace('T', ' ');
  const year = cell.data.year ?? (Number(shown.slice(0, 4)) || new Date().getFullYear());
  const [reason, setReason] = useState<string | null>(null);
  const read = (text: string): { cell: FieldCell } | { reason: string } => {
    const result = valueFromText(field, text, { year });
    if ('reason' in result) return { reason: reasonText(result.reason, locale as Lang) };
    const stored = result.value;
    return { cell: edited(stored, stored == null ? '' : textOfValue(field, stored, locale as Lang)) };
  };
  return (
    <Paper sx={{ p: 1, width: 300 }}>
      <TextField
        autoFocus
        size="small"
        fullWidth
        defaultValue={shown}
        error={!!reason}
        helperText={reason ?? translate(`huiwu.grid.${field.type === 'date' ? 'dateHint' : 'dateTimeHint'}`)}
        onFocus={(event) => {
          event.target.select();
          // says the editor has the keyboard (tests wait for it)
          event.target.dataset.ready = 'true';
        }}
        // Tab and a click elsewhere commit what the grid was last told: the last text that read
        onChange={(event) => {
          const result = read(event.target.value);
          if ('cell' in result) onChange(result.cell);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          event.stopPropagation();
          const result = read((event.target as HTMLInputElement).value);
          if ('cell' in result) onFinishedEditing(result.cell);
          else setReason(result.reason);
        }}
      />
    </Paper>
  );
};

interface PickerProps {
  cell: FieldCell;
  finish: (value: unknown, display: string) => void;
  /** Esc: the picker stops Esc from reaching the grid, so it says so itself */
  cancel: () => void;
  typed?: string;
}

/** A search box with its options listed right under it, inside the grid's overlay (a popup
 * elsewhere on the page would count as a click outside the editor). Arrow keys pick, Enter
 * commits, Esc cancels. */
const Picker = ({
  options,
  cell,
  finish,
  cancel,
  onInput,
  typed,
}: PickerProps & { options: Option[]; onInput?: (text: string) => void }) => {
  const ref = useRef<HTMLInputElement>(null);
  const { getRootProps, getInputProps, getListboxProps, getOptionProps, groupedOptions } = useAutocomplete<
    Option,
    false,
    false,
    false
  >({
    options,
    open: true,
    autoHighlight: true,
    // the options come found already: by label and alias, or by the server's search
    filterOptions: (found) => found,
    // uncontrolled: a controlled value that changes identity (options arriving from the
    // server) would make the picker reset what the user is typing
    defaultValue: options.find((o) => o.id === cell.data.value) ?? null,
    isOptionEqualToValue: (a, b) => a.id === b.id,
    getOptionLabel: (o) => o.label,
    onInputChange: (_event, text) => onInput?.(text),
    onChange: (_event, option) => option && finish(option.id, option.label),
    onClose: (_event, reason) => reason === 'escape' && cancel(),
  });
  const input = getInputProps() as ReturnType<typeof getInputProps> & { ref: React.Ref<HTMLInputElement> };
  // the grid keeps the focus while its overlay opens; take it once the picker is there
  useEffect(() => {
    const timer = setTimeout(() => {
      ref.current?.focus();
      if (typed) {
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(ref.current, typed);
        ref.current?.dispatchEvent(new Event('input', { bubbles: true }));
      } else ref.current?.select();
      // says the picker has the keyboard now (tests wait for it; typing before would go to the grid)
      if (ref.current) ref.current.dataset.ready = 'true';
    }, 0);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <Paper sx={{ p: 1, width: 280 }} {...getRootProps()}>
      <TextField
        size="small"
        fullWidth
        slotProps={{
          htmlInput: {
            ...input,
            ref: (node: HTMLInputElement) => {
              (ref as React.MutableRefObject<HTMLInputElement | null>).current = node;
              if (typeof input.ref === 'function') input.ref(node);
              else if (input.ref) (input.ref as React.MutableRefObject<HTMLInputElement | null>).current = node;
            },
          },
        }}
      />
      <MenuList
        dense
        {...getListboxProps()}
        sx={{ maxHeight: 240, overflow: 'auto', '& .Mui-focused': { bgcolor: 'action.selected' } }}
      >
        {(groupedOptions as Option[]).map((option, index) => {
          const { key, ...props } = getOptionProps({ option, index }) as ReturnType<typeof getOptionProps> & {
            key: string;
          };
          return (
            <MenuItem
              key={key}
              {...props}
              selected={(props as { 'aria-selected'?: boolean })['aria-selected'] === true}
            >
              {option.label}
            </MenuItem>
          );
        })}
      </MenuList>
    </Paper>
  );
};

/** Choices are found by their labels and the other words people use (飞机 finds 航班). */
const EnumPicker = ({ cell, finish, cancel, typed }: PickerProps) => {
  const [q, setQ] = useState(typed ?? '');
  const options = useTypedOptions(cell.data.field, q === cell.data.display ? '' : q);
  return <Picker options={options} cell={cell} finish={finish} cancel={cancel} onInput={setQ} typed={typed} />;
};

/** References are picked by name, searched on the server as the user types; a name no record
 * has can be added as a new one (an organisation first met in a guest list). */
const ReferencePicker = ({ cell, finish, cancel, typed }: PickerProps) => {
  const field = cell.data.field;
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [q, setQ] = useState(typed ?? '');
  const found = useTypedOptions(field, q && q !== cell.data.display ? q : '');
  const options: Option[] = found.map((o) => ({ id: o.create ? `new:${o.create}` : o.id, label: o.label }));
  // the current record on top while nothing is searched; once the user types, only what they typed
  if (cell.data.value != null && (!q || q === cell.data.display) && !options.some((o) => o.id === cell.data.value))
    options.unshift({ id: cell.data.value, label: cell.data.display });
  const pick = (id: unknown, label: string) => {
    const name = typeof id === 'string' && id.startsWith('new:') ? id.slice(4) : null;
    if (!name) return finish(id, label);
    const linked = resourceByName[field.reference!];
    dataProvider
      .create(linked.name, { data: recordFromName(linked, name) })
      .then(({ data }) => finish(data.id, name))
      .catch((error: Error) => notify(error.message, { type: 'error' }));
  };
  return <Picker options={options} cell={cell} finish={pick} cancel={cancel} onInput={setQ} typed={typed} />;
};
