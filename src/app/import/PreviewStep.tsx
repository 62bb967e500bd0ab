import Alert from '@mui/material/Alert';
import { alpha } from '@mui/material/styles';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { getField, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import type { ImportChoices, ImportFile, ImportReport, Outcome } from './importRequest';
import { BadCellsChoice, NewRecordsPanel, ValueMappingPanel } from './PreviewChoices';

/** A long cell (a 5,000-character note) is shown by its start; its reason still shows below. */
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Columns of long text (an organisation, a note) start wide enough for a few words a line;
 * past the dialog's width the table scrolls sideways rather than squeezing them. */
const minWidth = (field: FieldDef | undefined) =>
  field?.type === 'reference' || field?.type === 'longtext' || (field?.maxLength ?? 0) > 40 ? 200 : 96;

/** More rows than this are counted, not drawn: the counts and the download carry the rest. */
const SHOWN = 200;

const COLOURS: Record<Outcome, 'success' | 'info' | 'default' | 'error'> = {
  create: 'success',
  update: 'info',
  unchanged: 'default',
  invalid: 'error',
};

/**
 * The server's verdict on every row, before anything is written: counts, the choices that
 * change it (new organisations, unknown values, bad cells), then the rows, each cell with how
 * an unusual value was read.
 */
export const PreviewStep = ({
  resource,
  file,
  choices,
  report,
  refused,
  onChoose,
  disabled,
}: {
  resource: ResourceDef;
  file: ImportFile;
  choices: ImportChoices;
  report: ImportReport;
  /** the server's message when a commit was refused */
  refused?: string;
  onChoose: (choices: ImportChoices) => void;
  disabled: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const invalidFirst = report.counts.invalid > 0;
  const [chosenTab, setTab] = useState<Outcome | 'all'>(invalidFirst ? 'invalid' : 'all');
  // a tab a choice has emptied (no more invalid rows) shows them all
  const tab = chosenTab !== 'all' && report.counts[chosenTab] === 0 ? 'all' : chosenTab;
  // one column per field: a date and a time column of one field show as one
  const mapped = choices.columns.flatMap((target, j) => {
    const source = target?.split(':')[0];
    return source && choices.columns.findIndex((t) => t?.split(':')[0] === source) === j ? [{ source, j }] : [];
  });
  const textOf = (cells: string[], source: string) =>
    choices.columns
      .flatMap((target, j) => (target?.split(':')[0] === source && cells[j]?.trim() ? [cells[j].trim()] : []))
      .join(' ');
  const indexes = report.rows.flatMap((row, i) => (tab === 'all' || row.outcome === tab ? [i] : []));
  const outcomes: Outcome[] = ['create', 'update', 'unchanged', 'invalid'];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {refused && <Alert severity="error">{refused}</Alert>}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="import-counts">
        {outcomes.map((outcome) => (
          <Chip
            key={outcome}
            color={COLOURS[outcome]}
            variant={report.counts[outcome] ? 'filled' : 'outlined'}
            label={translate(`huiwu.import.outcome.${outcome}`) + ` ${report.counts[outcome]}`}
          />
        ))}
      </Box>
      <NewRecordsPanel report={report} choices={choices} onChoose={onChoose} disabled={disabled} />
      <ValueMappingPanel
        resource={resource}
        report={report}
        choices={choices}
        onChoose={onChoose}
        disabled={disabled}
      />
      <BadCellsChoice report={report} choices={choices} onChoose={onChoose} disabled={disabled} />
      <Tabs value={tab} onChange={(_, value) => setTab(value)} variant="scrollable">
        <Tab value="all" label={translate('huiwu.import.all')} />
        {outcomes.map((outcome) => (
          <Tab key={outcome} value={outcome} label={translate(`huiwu.import.outcome.${outcome}`)} />
        ))}
      </Tabs>
      <Box sx={{ overflow: 'auto', maxHeight: '50vh' }}>
        <Table
          size="small"
          stickyHeader
          aria-label={translate('huiwu.import.preview')}
          // Chinese wraps between characters inside its column's minimum; a long unbroken
          // word (an address) breaks rather than spill over the next column
          sx={{ '& th': { whiteSpace: 'nowrap' }, '& td': { maxWidth: 320, overflowWrap: 'break-word' } }}
        >
          <TableHead>
            <TableRow>
              <TableCell>{translate('huiwu.import.line')}</TableCell>
              <TableCell>{translate('huiwu.import.result')}</TableCell>
              {mapped.map(({ source }) => (
                <TableCell key={source} sx={{ minWidth: minWidth(getField(resource, source)) }}>
                  {getField(resource, source)?.label[lang]}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {indexes.slice(0, SHOWN).map((i) => {
              const result = report.rows[i];
              const errors = result.errors ?? {};
              const unplaced = Object.entries(errors).filter(
                ([source]) => !mapped.some((column) => column.source === source),
              );
              return (
                <TableRow key={i} data-outcome={result.outcome}>
                  <TableCell>{file.lines[i]}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={COLOURS[result.outcome]}
                      label={translate(`huiwu.import.outcome.${result.outcome}`)}
                    />
                    {/* reasons that belong to no column of the file: the row, or a field it lacks */}
                    {unplaced.map(([source, text]) => (
                      <Typography key={source} variant="caption" color="error" sx={{ display: 'block' }}>
                        {source ? `${getField(resource, source)?.label[lang] ?? source}: ${text}` : text}
                      </Typography>
                    ))}
                  </TableCell>
                  {mapped.map(({ source }) => {
                    const error = errors[source];
                    const emptied = result.emptied?.[source];
                    const reading = result.read?.[source];
                    const changed = result.changed?.includes(source);
                    const text = textOf(file.rows[i], source);
                    return (
                      <TableCell
                        key={source}
                        data-field={source}
                        sx={(theme) => ({
                          bgcolor:
                            error || emptied
                              ? alpha(theme.palette.error.main, 0.1)
                              : changed
                                ? alpha(theme.palette.info.main, 0.1)
                                : undefined,
                        })}
                      >
                        <span title={text} style={emptied ? { textDecoration: 'line-through' } : undefined}>
                          {clip(text)}
                        </span>
                        {reading && !emptied && (
                          <Typography
                            variant="caption"
                            sx={{ display: 'block', color: 'info.dark', whiteSpace: 'nowrap' }}
                            data-testid="read-as"
                          >
                            {/* a name read as itself, new: only say it is new */}
                            {reading.startsWith(text) && /^\s*[（(]/.test(reading.slice(text.length))
                              ? reading.slice(text.length).trim()
                              : `→ ${reading}`}
                          </Typography>
                        )}
                        {result.diff?.[source] && result.diff[source][0] !== '' && (
                          <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
                            {result.diff[source][0]} → {result.diff[source][1]}
                          </Typography>
                        )}
                        {emptied && (
                          <Typography variant="caption" sx={{ display: 'block', color: 'error.dark' }}>
                            {translate('huiwu.import.emptied')}：
                            {emptied.startsWith(`${text}: `) ? emptied.slice(text.length + 2) : emptied}
                          </Typography>
                        )}
                        {error && (
                          <Typography variant="caption" sx={{ display: 'block', color: 'error.dark' }}>
                            {error}
                          </Typography>
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      {indexes.length > SHOWN && (
        <Typography variant="caption" color="text.secondary">
          {translate('huiwu.import.more', { shown: SHOWN, smart_count: indexes.length })}
        </Typography>
      )}
    </Box>
  );
};
