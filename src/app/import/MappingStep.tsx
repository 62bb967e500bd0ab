import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import {
  getField,
  importKeysOf,
  pickerSort,
  resourceByName,
  type FieldDef,
  type Lang,
  type ResourceDef,
} from '../../schema';
import { AddYesNoField } from './AddYesNoField';
import { missingRequired, type ImportChoices } from './importRequest';
import { importableFields, type ColumnNote } from './mapping';
import type { PreparedSheet } from './prepare';
import type { BookText } from './readSpreadsheet';

const NO_KEY = '';

/** Which field each column of the file fills, and how a row finds the record it updates. */
export const MappingStep = ({
  resource,
  prepared,
  book,
  choices,
  onChange,
  onSheet,
  onSchemaChanged,
  pageFixed,
}: {
  resource: ResourceDef;
  prepared: PreparedSheet;
  book: BookText;
  choices: ImportChoices;
  onChange: (choices: ImportChoices) => void;
  /** another sheet, or another row as the header (a title row may sit above it) */
  onSheet: (sheet: number, headerRow: number) => void;
  /** an admin added a field from here: match the columns again */
  onSchemaChanged: () => void;
  /** the fields the page fixes (a summit's guest list); others may be fixed by the user here */
  pageFixed: string[];
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const { file, notes } = prepared;
  const sheet = book.sheets[prepared.sheet];
  const label = (source: string) => getField(resource, source)?.label[lang] ?? source;
  const list = (items: string[]) => items.join(lang === 'zh' ? '、' : ', ');
  const fields = importableFields(resource).filter((field) => !pageFixed.includes(field.source));
  // a required reference no column fills can take one value for every row (all into one summit)
  const pickable = resource.fields.filter(
    (field) =>
      field.type === 'reference' &&
      field.required &&
      !pageFixed.includes(field.source) &&
      !choices.columns.includes(field.source),
  );
  const pick = (source: string, id: string) => {
    const fixed = { ...choices.fixed };
    if (id) fixed[source] = Number(id);
    else delete fixed[source];
    onChange({ ...choices, fixed });
  };
  const keys = importKeysOf(resource);
  const missing = missingRequired(resource, choices);
  const filled = (source: string) => choices.columns.some((target) => target?.split(':')[0] === source);
  // a key whose fields no column fills matches nothing: every row would be new
  const unkeyed = (choices.key ?? []).filter((source) => !filled(source) && !Object.hasOwn(choices.fixed, source));
  const samples = (j: number) =>
    file.rows
      .map((cells) => cells[j])
      .filter((text) => text && text.trim())
      .slice(0, 3)
      .map((text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text))
      .join(' · ');
  const setColumn = (j: number, target: string | null) =>
    onChange({
      ...choices,
      // a field fills one column: choosing it here frees it elsewhere
      columns: choices.columns.map((current, i) => (i === j ? target : current === target ? null : current)),
    });
  const noteText = (note: ColumnNote) =>
    note.code === 'unfit'
      ? translate('huiwu.import.note.unfit', {
          field: label(note.field),
          kind: translate(`huiwu.import.kind.${note.kind}`),
        })
      : translate('huiwu.import.note.yesNoNoField');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="body2">
        {translate('huiwu.import.fileSummary', {
          name: file.name,
          smart_count: file.rows.length,
          encoding: file.encoding === 'GB18030' ? 'GBK/GB18030' : (file.encoding ?? 'XLSX'),
        })}
        {file.hiddenColumns > 0 && ` · ${translate('huiwu.import.hiddenColumns', { smart_count: file.hiddenColumns })}`}
        {file.hiddenRows > 0 && ` · ${translate('huiwu.import.hiddenRows', { smart_count: file.hiddenRows })}`}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {book.sheets.length > 1 && (
          <TextField
            select
            size="small"
            label={translate('huiwu.import.sheet')}
            value={prepared.sheet}
            onChange={(e) => onSheet(Number(e.target.value), 0)}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'import-sheet' },
            }}
            sx={{ minWidth: 200 }}
          >
            {book.sheets.map((s, i) => (
              <option key={i} value={i}>
                {s.name}
              </option>
            ))}
          </TextField>
        )}
        <TextField
          select
          size="small"
          label={translate('huiwu.import.headerRow')}
          value={prepared.headerRow}
          onChange={(e) => onSheet(prepared.sheet, Number(e.target.value))}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'import-header-row' },
          }}
          sx={{ maxWidth: 420, flex: 1 }}
        >
          {sheet.rows.slice(0, 10).map((cells, i) => (
            <option key={i} value={i}>
              {translate('huiwu.import.lineN', { line: sheet.lines[i] })}:{' '}
              {cells.filter(Boolean).slice(0, 4).join(' · ')}
            </option>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={translate('huiwu.import.key')}
          value={choices.key ? JSON.stringify(choices.key) : NO_KEY}
          onChange={(e) => onChange({ ...choices, key: e.target.value ? JSON.parse(e.target.value) : null })}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'import-key' },
          }}
          helperText={translate('huiwu.import.keyHelp')}
          sx={{ maxWidth: 420, flex: 1 }}
        >
          {keys.map((key) => (
            <option key={key.join()} value={JSON.stringify(key)}>
              {key.map(label).join(' + ')}
            </option>
          ))}
          <option value={NO_KEY}>{translate('huiwu.import.noKey')}</option>
        </TextField>
      </Box>
      {file.skipped.length > 0 && (
        <Alert severity="info" data-testid="import-skipped">
          {translate('huiwu.import.skipped', { smart_count: file.skipped.length })}
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {file.skipped.slice(0, 8).map((line) => (
              <li key={line.line}>
                {translate('huiwu.import.lineN', { line: line.line })}（
                {translate(`huiwu.import.skippedWhy.${line.why}`)}）：
                {line.text.length > 60 ? `${line.text.slice(0, 60)}…` : line.text}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {pageFixed.length > 0 && (
        <Alert severity="info">{translate('huiwu.import.fixed', { fields: list(pageFixed.map(label)) })}</Alert>
      )}
      {pickable.map((field) => (
        <FixedPicker
          key={field.source}
          field={field}
          label={translate('huiwu.import.pickFixed', { field: field.label[lang] })}
          value={choices.fixed[field.source]}
          onPick={(id) => pick(field.source, id)}
        />
      ))}
      {unkeyed.length > 0 && (
        <Alert severity="warning">{translate('huiwu.import.unkeyed', { fields: list(unkeyed.map(label)) })}</Alert>
      )}
      {missing.length > 0 && (
        <Alert severity="warning">
          {translate('huiwu.import.missingRequired', { fields: list(missing.map((field) => field.label[lang])) })}
        </Alert>
      )}
      <Table size="small" aria-label={translate('huiwu.import.mapping')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('huiwu.import.column')}</TableCell>
            <TableCell>{translate('huiwu.import.samples')}</TableCell>
            <TableCell sx={{ width: 280 }}>{translate('huiwu.import.field')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {file.headers.map((header, j) => (
            <TableRow key={j} data-column={header}>
              <TableCell sx={{ fontWeight: 500 }}>
                {header || translate('huiwu.import.untitled', { n: j + 1 })}
              </TableCell>
              <TableCell sx={{ color: 'text.secondary', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {samples(j)}
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  variant="outlined"
                  fullWidth
                  value={choices.columns[j] ?? ''}
                  onChange={(e) => setColumn(j, e.target.value || null)}
                  slotProps={{ select: { native: true }, htmlInput: { 'aria-label': header } }}
                >
                  <option value="">{translate('huiwu.import.ignore')}</option>
                  {fields.flatMap((field) => [
                    <option key={field.source} value={field.source}>
                      {field.label[lang]}
                      {field.required ? ' *' : ''}
                    </option>,
                    // a date-time may come as a date column and a time column
                    ...(field.type === 'datetime'
                      ? (['date', 'time'] as const).map((part) => (
                          <option key={`${field.source}:${part}`} value={`${field.source}:${part}`}>
                            {translate(`huiwu.import.${part}Part`, { field: field.label[lang] })}
                          </option>
                        ))
                      : []),
                  ])}
                </TextField>
                {!choices.columns[j] && notes[j] && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    sx={{ display: 'block' }}
                    data-testid="column-note"
                  >
                    {noteText(notes[j]!)}
                  </Typography>
                )}
                {!choices.columns[j] && notes[j]?.code === 'yesNoNoField' && (
                  <AddYesNoField resource={resource} label={header} onAdded={onSchemaChanged} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** One record of a reference's resource, for every row (the summit a guest list belongs to). */
const FixedPicker = ({
  field,
  label,
  value,
  onPick,
}: {
  field: FieldDef;
  label: string;
  value: unknown;
  onPick: (id: string) => void;
}) => {
  const translate = useTranslate();
  const target = resourceByName[field.reference!];
  const { data } = useGetList(target.name, {
    sort: pickerSort(target),
    pagination: { page: 1, perPage: 500 },
  });
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => onPick(e.target.value)}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': `import-fixed-${field.source}` },
      }}
      sx={{ maxWidth: 420 }}
    >
      <option value="">{translate('huiwu.import.pickNone')}</option>
      {(data ?? []).map((row) => (
        <option key={row.id} value={String(row.id)}>
          {String(row[target.titleField] ?? row.id)}
        </option>
      ))}
    </TextField>
  );
};
