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
import { getField, type Lang, type ResourceDef } from '../../schema';
import type { ImportChoices, ImportFile, ImportReport, Outcome } from './importRequest';

/** A long cell (a 5,000-character note) is shown by its start; its reason still shows below. */
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** More rows than this are counted, not drawn: the counts and the download carry the rest. */
const SHOWN = 200;

const COLOURS: Record<Outcome, 'success' | 'info' | 'default' | 'error'> = {
  create: 'success',
  update: 'info',
  unchanged: 'default',
  invalid: 'error',
};

/** The server's verdict on every row, before anything is written: counts, then the rows. */
export const PreviewStep = ({
  resource,
  file,
  choices,
  report,
  refused,
}: {
  resource: ResourceDef;
  file: ImportFile;
  choices: ImportChoices;
  report: ImportReport;
  /** the server's message when a commit was refused */
  refused?: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const invalidFirst = report.counts.invalid > 0;
  const [tab, setTab] = useState<Outcome | 'all'>(invalidFirst ? 'invalid' : 'all');
  const mapped = choices.columns.flatMap((source, j) => (source ? [{ source, j }] : []));
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
          sx={{ '& th': { whiteSpace: 'nowrap' }, '& td': { minWidth: 56 } }}
        >
          <TableHead>
            <TableRow>
              <TableCell>{translate('huiwu.import.line')}</TableCell>
              <TableCell>{translate('huiwu.import.result')}</TableCell>
              {mapped.map(({ source }) => (
                <TableCell key={source}>{getField(resource, source)?.label[lang]}</TableCell>
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
                  {mapped.map(({ source, j }) => {
                    const error = errors[source];
                    const changed = result.changed?.includes(source);
                    return (
                      <TableCell
                        key={source}
                        sx={(theme) => ({
                          bgcolor: error
                            ? alpha(theme.palette.error.main, 0.1)
                            : changed
                              ? alpha(theme.palette.info.main, 0.1)
                              : undefined,
                        })}
                      >
                        <span title={file.rows[i][j]}>{clip(file.rows[i][j])}</span>
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
