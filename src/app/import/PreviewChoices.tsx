import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { enums, getField, type Lang, type ResourceDef } from '../../schema';
import type { ImportChoices, ImportReport, NewRecord } from './importRequest';

/** The choices the preview offers, each checked again by the server as soon as it is made. */
interface Props {
  resource: ResourceDef;
  report: ImportReport;
  choices: ImportChoices;
  onChoose: (choices: ImportChoices) => void;
  disabled: boolean;
}

/** Per file: a cell that cannot be read costs its row, or only itself. */
export const BadCellsChoice = ({ choices, onChoose, disabled, report }: Omit<Props, 'resource'>) => {
  const translate = useTranslate();
  // only where a cell cannot be read (or was left empty by this choice)
  if (report.counts.invalid === 0 && !report.rows.some((row) => row.emptied) && choices.badCells === 'refuseRow')
    return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
      <FormLabel id="bad-cells">{translate('huiwu.import.badCells.label')}</FormLabel>
      <RadioGroup
        row
        aria-labelledby="bad-cells"
        value={choices.badCells}
        onChange={(e) => onChoose({ ...choices, badCells: e.target.value as ImportChoices['badCells'] })}
      >
        {(['refuseRow', 'emptyCell'] as const).map((policy) => (
          <FormControlLabel
            key={policy}
            value={policy}
            disabled={disabled}
            control={<Radio size="small" />}
            label={translate(`huiwu.import.badCells.${policy}`)}
          />
        ))}
      </RadioGroup>
    </Box>
  );
};

/**
 * The organisations the file names that Huiwu does not know: each is added as new unless the
 * user says it is a known one (a near match is offered, never taken silently) or not to add it.
 */
export const NewRecordsPanel = ({ report, choices, onChoose, disabled }: Omit<Props, 'resource'>) => {
  const translate = useTranslate();
  // a name the user matched to a known record leaves the report; it stays listed here
  const seen = useRef(new Map<string, NewRecord>());
  for (const record of report.newRecords ?? []) seen.current.set(`${record.resource}\u0000${record.name}`, record);
  const inReport = new Set((report.newRecords ?? []).map((r) => `${r.resource}\u0000${r.name}`));
  const listed = [...seen.current.entries()]
    .filter(([key, record]) => inReport.has(key) || choices.names[record.resource]?.[record.name] !== undefined)
    .map(([, record]) => record);
  if (listed.length === 0) return null;
  const creating = (report.newRecords ?? []).length;
  const set = (record: NewRecord, value: string) => {
    const chosen = value === 'new' ? 'new' : value === 'none' ? null : Number(value);
    onChoose({
      ...choices,
      names: { ...choices.names, [record.resource]: { ...choices.names[record.resource], [record.name]: chosen } },
    });
  };
  return (
    <Alert severity="info" data-testid="import-new-records" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('huiwu.import.newRecords', { smart_count: creating })}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}>
        {listed.map((record) => {
          const chosen = choices.names[record.resource]?.[record.name];
          return (
            <Box
              component="li"
              key={record.name}
              sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
            >
              <Typography variant="body2" sx={{ fontWeight: 500, minWidth: 220 }}>
                {record.name}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ minWidth: 90 }}>
                {translate('huiwu.import.newRecordLines', {
                  smart_count: record.lines.length,
                  lines: record.lines.slice(0, 6).join(', ') + (record.lines.length > 6 ? '…' : ''),
                })}
              </Typography>
              {record.near.length > 0 && (chosen === undefined || chosen === 'new') && (
                <Typography variant="caption" color="warning.dark" sx={{ flexBasis: '100%', order: 9 }}>
                  {translate('huiwu.import.mayBe', { names: record.near.map((n) => `“${n.name}”`).join('、') })}
                </Typography>
              )}
              <TextField
                select
                size="small"
                disabled={disabled}
                value={chosen === undefined || chosen === 'new' ? 'new' : chosen === null ? 'none' : String(chosen)}
                onChange={(e) => set(record, e.target.value)}
                slotProps={{ select: { native: true }, htmlInput: { 'aria-label': record.name } }}
                variant="outlined"
                fullWidth={false}
                sx={{ width: 300 }}
              >
                <option value="new">{translate('huiwu.import.createNew')}</option>
                {record.near.map((near) => (
                  <option key={String(near.id)} value={String(near.id)}>
                    {translate('huiwu.import.useExisting', { name: near.name })}
                  </option>
                ))}
                <option value="none">{translate('huiwu.import.dontCreate')}</option>
              </TextField>
            </Box>
          );
        })}
      </Box>
    </Alert>
  );
};

const EMPTY = '\u0000empty';

/** Values no option matches (大巴 before there was a coach option): each says what it means,
 * or stays empty; remembered per resource for the next file. */
export const ValueMappingPanel = ({ resource, report, choices, onChoose, disabled }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const seen = useRef(new Map<string, Map<string, number>>());
  for (const [source, texts] of Object.entries(report.unmatched ?? {})) {
    const known = seen.current.get(source) ?? new Map<string, number>();
    for (const { text, count } of texts) known.set(text, count);
    seen.current.set(source, known);
  }
  const rows = [...seen.current].flatMap(([source, texts]) => {
    const unknown = new Set((report.unmatched?.[source] ?? []).map((u) => u.text));
    return [...texts]
      .filter(([text]) => unknown.has(text) || Object.hasOwn(choices.meaning[source] ?? {}, text))
      .map(([text, count]) => ({ source, text, count }));
  });
  if (rows.length === 0) return null;
  // a column of thousands of values no choice knows is matched to the wrong field: say so
  const SHOWN_VALUES = 30;
  const optionsOf = (source: string) => {
    const field = getField(resource, source)!;
    if (field.type === 'boolean')
      return [
        { id: 'true', label: lang === 'zh' ? '是' : 'Yes' },
        { id: 'false', label: lang === 'zh' ? '否' : 'No' },
      ];
    return (enums[field.enum ?? ''] ?? []).map((o) => ({ id: o.id, label: o.label[lang] }));
  };
  const set = (source: string, text: string, value: string) => {
    const field = getField(resource, source)!;
    const { [text]: _was, ...others } = choices.meaning[source] ?? {};
    const meaning = value === EMPTY ? null : field.type === 'boolean' ? value === 'true' : value;
    onChoose({
      ...choices,
      meaning: { ...choices.meaning, [source]: value === '' ? others : { ...others, [text]: meaning } },
    });
  };
  return (
    <Alert severity="warning" data-testid="import-values" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('huiwu.import.values')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 0.5 }}>
        {rows.slice(0, SHOWN_VALUES).map(({ source, text, count }) => {
          const chosen = choices.meaning[source]?.[text];
          return (
            <Box key={`${source}/${text}`} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ minWidth: 110 }}>
                {getField(resource, source)?.label[lang]}
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 500, minWidth: 100 }}>
                “{text}”
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ minWidth: 50 }}>
                {translate('huiwu.import.valueRows', { smart_count: count })}
              </Typography>
              <TextField
                select
                size="small"
                disabled={disabled}
                value={chosen === undefined ? '' : chosen === null ? EMPTY : String(chosen)}
                onChange={(e) => set(source, text, e.target.value)}
                slotProps={{ select: { native: true }, htmlInput: { 'aria-label': `${source} ${text}` } }}
                variant="outlined"
                fullWidth={false}
                sx={{ width: 200 }}
              >
                <option value="">{translate('huiwu.import.chooseMeaning')}</option>
                <option value={EMPTY}>{translate('huiwu.import.leaveEmpty')}</option>
                {optionsOf(source).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </TextField>
            </Box>
          );
        })}
      </Box>
      {rows.length > SHOWN_VALUES && (
        <Typography variant="caption" sx={{ display: 'block', mt: 1 }}>
          {translate('huiwu.import.moreValues', { smart_count: rows.length - SHOWN_VALUES })}
        </Typography>
      )}
    </Alert>
  );
};
