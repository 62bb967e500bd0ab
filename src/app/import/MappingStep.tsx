import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { getField, importKeysOf, type Lang, type ResourceDef } from '../../schema';
import { importableFields } from './mapping';
import { missingRequired, type ImportChoices, type ImportFile } from './importRequest';

const NO_KEY = '';

/** Which field each column of the file fills, and how a row finds the record it updates. */
export const MappingStep = ({
  resource,
  file,
  choices,
  onChange,
}: {
  resource: ResourceDef;
  file: ImportFile;
  choices: ImportChoices;
  onChange: (choices: ImportChoices) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const label = (source: string) => getField(resource, source)?.label[lang] ?? source;
  const fields = importableFields(resource).filter((field) => !Object.hasOwn(choices.fixed, field.source));
  const keys = importKeysOf(resource);
  const missing = missingRequired(resource, choices);
  const samples = (j: number) =>
    file.rows
      .map((cells) => cells[j])
      .filter((text) => text && text.trim())
      .slice(0, 3)
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
          encoding: file.encoding ?? 'XLSX',
        })}
      </Typography>
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
      {Object.keys(choices.fixed).length > 0 && (
        <Alert severity="info">
          {translate('huiwu.import.fixed', {
            fields: Object.keys(choices.fixed)
              .map(label)
              .join(lang === 'zh' ? '、' : ', '),
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
