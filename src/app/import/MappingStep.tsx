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
import { getField, importKeysOf, resourceByName, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import { importableFields } from './mapping';
import { missingRequired, type ImportChoices, type ImportFile } from './importRequest';

const NO_KEY = '';

/** Which field each column of the file fills, and how a row finds the record it updates. */
export const MappingStep = ({
  resource,
  file,
  choices,
  onChange,
  header,
  pageFixed,
}: {
  resource: ResourceDef;
  file: ImportFile;
  choices: ImportChoices;
  onChange: (choices: ImportChoices) => void;
  /** which of the file's first rows is the header (a title row may sit above it) */
  header: { row: number; rows: string[][]; lines: number[]; onChange: (row: number) => void };
  /** the fields the page fixes (a summit's guest list); others may be fixed by the user here */
  pageFixed: string[];
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const label = (source: string) => getField(resource, source)?.label[lang] ?? source;
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
  // a key whose fields no column fills matches nothing: every row would be new
  const unkeyed = (choices.key ?? []).filter(
    (source) => !choices.columns.includes(source) && !Object.hasOwn(choices.fixed, source),
  );
  const samples = (j: number) =>
    file.rows
      .map((cells) => cells[j])
      .filter((text) => text && text.trim())
      .slice(0, 3)
      .map((text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text))
      .join(' · ');
  const setColumn = (j: number, source: string | null) =>
    onChange({
      ...choices,
      // a field fills one column: choosing it here frees it elsewhere
      columns: choices.columns.map((current, i) => (i === j ? source : current === source ? null : current)),
    });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="body2">
        {translate('huiwu.import.fileSummary', {
          name: file.name,
          smart_count: file.rows.length,
          encoding: file.encoding === 'GB18030' ? 'GBK/GB18030' : (file.encoding ?? 'XLSX'),
        })}
        {file.totals > 0 && ` · ${translate('huiwu.import.totalsSkipped', { smart_count: file.totals })}`}
      </Typography>
      <TextField
        select
        size="small"
        label={translate('huiwu.import.headerRow')}
        value={header.row}
        onChange={(e) => header.onChange(Number(e.target.value))}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'import-header-row' } }}
        sx={{ maxWidth: 420 }}
      >
        {header.rows.map((cells, i) => (
          <option key={i} value={i}>
            {translate('huiwu.import.lineN', { line: header.lines[i] })}:{' '}
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
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'import-key' } }}
        helperText={translate('huiwu.import.keyHelp')}
        sx={{ maxWidth: 420 }}
      >
        {keys.map((key) => (
          <option key={key.join()} value={JSON.stringify(key)}>
            {key.map(label).join(' + ')}
          </option>
        ))}
        <option value={NO_KEY}>{translate('huiwu.import.noKey')}</option>
      </TextField>
      {pageFixed.length > 0 && (
        <Alert severity="info">
          {translate('huiwu.import.fixed', { fields: pageFixed.map(label).join(lang === 'zh' ? '、' : ', ') })}
        </Alert>
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
        <Alert severity="warning">
          {translate('huiwu.import.unkeyed', {
            fields: unkeyed.map(label).join(lang === 'zh' ? '、' : ', '),
          })}
        </Alert>
      )}
      {missing.length > 0 && (
        <Alert severity="warning">
          {translate('huiwu.import.missingRequired', {
            fields: missing.map((field) => field.label[lang]).join(lang === 'zh' ? '、' : ', '),
          })}
        </Alert>
      )}
      <Table size="small" aria-label={translate('huiwu.import.mapping')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('huiwu.import.column')}</TableCell>
            <TableCell>{translate('huiwu.import.samples')}</TableCell>
            <TableCell sx={{ width: 240 }}>{translate('huiwu.import.field')}</TableCell>
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
                  {fields.map((field) => (
                    <option key={field.source} value={field.source}>
                      {field.label[lang]}
                      {field.required ? ' *' : ''}
                    </option>
                  ))}
                </TextField>
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
    sort: target.sort,
    pagination: { page: 1, perPage: 500 },
  });
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => onPick(e.target.value)}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `import-fixed-${field.source}` } }}
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
