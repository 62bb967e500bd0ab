import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate } from 'react-admin';
import { getField, type Lang, type ResourceDef } from '../../../schema';
import type { ImportReport } from '../../../schema/imports';
import type { ImportChoices } from '../../import/importRequest';
import { NewRecordsPanel } from '../../import/PreviewChoices';
import type { PasteBlock } from './pasteBlock';

/** More rows than this are counted, not listed. */
const LISTED = 100;

/**
 * Before a paste writes anything: which column went to which field, each row it adds with
 * its values, each cell it overwrites with its value before and after, the rows it cannot
 * write and why (counted as rows), and the organisations it names that are new. Nothing
 * invalid is written; the rest is written at once, or nothing if the data changed meanwhile.
 */
export const PasteDialog = ({
  resource,
  block,
  report,
  names,
  onNames,
  onConfirm,
  onCancel,
  busy,
}: {
  resource: ResourceDef;
  block: PasteBlock;
  report: ImportReport;
  names: ImportChoices['names'];
  onNames: (names: ImportChoices['names']) => void;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const label = (target: string) => {
    const [source, part] = target.split(':');
    const name = getField(resource, source)?.label[lang] ?? source;
    return part ? translate(`huiwu.import.${part}Part`, { field: name }) : name;
  };
  const sep = lang === 'zh' ? '：' : ': ';
  // each row named as people know it: the record's name, or the new row's
  const titles = new Map(block.records.map((record) => [String(record.id), String(record[resource.titleField] ?? '')]));
  const titleColumn = block.columns.findIndex((c) => c.target === resource.titleField);
  const titleOf = (row: ImportReport['rows'][number], cells: string[]) =>
    row.id !== undefined && titles.has(String(row.id)) ? titles.get(String(row.id)) : (cells[titleColumn] ?? '');
  const rows = report.rows.map((row, i) => ({ row, i, line: block.request.lines![i], cells: block.request.rows[i] }));
  const creates = rows.filter(({ row }) => row.outcome === 'create');
  // rows whose only news is a cell that cannot be written still show, with why
  const unchangedButBad = rows.filter(({ row }) => row.outcome === 'unchanged' && row.emptied);
  const updates = rows.filter(({ row }) => row.outcome === 'update');
  const invalid = rows.filter(({ row }) => row.outcome === 'invalid');
  const changedCells = updates.reduce((n, { row }) => n + (row.changed?.length ?? 0), 0);
  const badCells = rows.reduce((n, { row }) => n + Object.keys(row.emptied ?? {}).length, 0);
  const choices: ImportChoices = {
    columns: block.request.columns,
    key: ['id'],
    fixed: block.request.fixed ?? {},
    meaning: {},
    names,
    badCells: 'refuseRow',
  };
  /** A new row's values as text, each read as the import read it. */
  const valuesOf = (cells: string[], read: Record<string, string> = {}) =>
    block.columns
      .flatMap(({ target }, j) => {
        const text = cells[j]?.trim();
        if (!target || !text) return [];
        const source = target.split(':')[0];
        return [
          `${label(target)}${sep}${read[source] && !read[source].startsWith(text) ? `${text} → ${read[source]}` : (read[source] ?? text)}`,
        ];
      })
      .join(' · ');
  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="md" fullWidth aria-labelledby="paste-title">
      <DialogTitle id="paste-title">{translate('huiwu.grid.paste.title')}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        {busy && <LinearProgress />}
        <Alert severity={invalid.length || block.dropped || badCells ? 'warning' : 'info'} data-testid="paste-summary">
          {[
            creates.length > 0 && translate('huiwu.grid.paste.summaryCreates', { smart_count: creates.length }),
            updates.length > 0 &&
              translate('huiwu.grid.paste.summaryUpdates', { updates: updates.length, smart_count: changedCells }),
            creates.length + updates.length === 0 && translate('huiwu.grid.paste.summaryNothing'),
          ]
            .filter(Boolean)
            .join(' ')}
          {badCells > 0 && ` ${translate('huiwu.grid.paste.badCells', { smart_count: badCells })}`}
          {invalid.length + block.dropped > 0 &&
            ` ${translate('huiwu.grid.paste.notWritten', { smart_count: invalid.length + block.dropped })}`}
          {badCells + invalid.length + block.dropped === 0 && ` ${translate('huiwu.grid.paste.allValid')}`}
        </Alert>
        <Typography variant="body2" color="text.secondary" data-testid="paste-columns">
          {translate(block.byHeader ? 'huiwu.grid.paste.byHeader' : 'huiwu.grid.paste.byOrder')}
          {block.columns
            .map(
              ({ header, target }, j) =>
                `${header || translate('huiwu.import.untitled', { n: j + 1 })} → ${target ? label(target) : translate('huiwu.grid.paste.ignored')}`,
            )
            .join(lang === 'zh' ? '；' : '; ')}
        </Typography>
        <NewRecordsPanel report={report} choices={choices} onChoose={(next) => onNames(next.names)} disabled={busy} />
        {block.dropped > 0 && (
          <Alert severity="warning">{translate('huiwu.grid.paste.dropped', { smart_count: block.dropped })}</Alert>
        )}
        <Box sx={{ maxHeight: '45vh', overflow: 'auto' }}>
          <Table size="small" aria-label={translate('huiwu.grid.paste.rows')}>
            <TableBody>
              {[...invalid, ...unchangedButBad, ...creates, ...updates]
                .slice(0, LISTED)
                .map(({ row, i, line, cells }) => (
                  <TableRow key={i} data-outcome={row.outcome}>
                    <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      {translate('huiwu.grid.paste.line', { line })}
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {titleOf(row, cells)}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      {translate(`huiwu.grid.paste.outcome.${row.outcome}`)}
                    </TableCell>
                    <TableCell>
                      {row.outcome === 'create' && valuesOf(cells, row.read)}
                      {row.outcome === 'update' &&
                        (row.changed ?? []).map((source) => (
                          <Typography key={source} variant="body2" data-testid="paste-change">
                            {label(source)}
                            {sep}
                            {row.diff?.[source]?.[0] || translate('huiwu.grid.paste.empty')} →{' '}
                            {row.diff?.[source]?.[1] || translate('huiwu.grid.paste.empty')}
                          </Typography>
                        ))}
                      {Object.entries(row.emptied ?? {}).map(([source, reason]) => (
                        <Typography key={source} variant="body2" color="error" data-testid="paste-bad-cell">
                          {translate('huiwu.grid.paste.cellNotWritten', { field: label(source), reason })}
                        </Typography>
                      ))}
                      {row.outcome === 'invalid' &&
                        Object.entries(row.errors ?? {}).map(([source, reason]) => (
                          <Typography key={source} variant="body2" color="error">
                            {source ? `${label(source)}${sep}` : ''}
                            {reason}
                          </Typography>
                        ))}
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
          {rows.length > LISTED && (
            <Typography variant="caption" color="text.secondary">
              {translate('huiwu.import.more', { shown: LISTED, smart_count: rows.length })}
            </Typography>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={onConfirm} disabled={busy || creates.length + updates.length === 0}>
          {translate('huiwu.grid.paste.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
