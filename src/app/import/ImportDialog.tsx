import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, HttpError, useDataProvider, useLocaleState, useRefresh, useStore, useTranslate } from 'react-admin';
import { getField, importKeysOf, type Lang, type ResourceDef } from '../../schema';
import { download, XLSX_TYPE } from '../export/exportList';
import type { HuiwuDataProvider } from '../providers/dataProvider';
import { FileStep } from './FileStep';
import {
  importBody,
  missingRequired,
  toImportFile,
  type ImportChoices,
  type ImportFile,
  type ImportReport,
} from './importRequest';
import { invalidRowsTable } from './invalidRows';
import { autoMap, findHeaderRow, normaliseHeader, type RememberedMapping } from './mapping';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { readSpreadsheet, UnreadableFile, type SheetText } from './readSpreadsheet';

type Stage = 'file' | 'map' | 'preview' | 'done';
const STAGES: Stage[] = ['file', 'map', 'preview', 'done'];

interface Remembered {
  mapping: RememberedMapping;
  key?: string[] | null;
}

/**
 * Import from Excel or CSV in four steps: choose a file, say which field each column fills
 * (guessed, and remembered per resource), see what every row would do, then write them all
 * at once. Nothing is written before the last step, and then all of it or none.
 */
export const ImportDialog = ({
  resource,
  fixed,
  onClose,
}: {
  resource: ResourceDef;
  fixed: Record<string, unknown>;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale as Lang;
  const dataProvider = useDataProvider<HuiwuDataProvider>();
  const refresh = useRefresh();
  const [remembered, remember] = useStore<Remembered>(`huiwu.import.${resource.name}`, { mapping: {} });
  const [stage, setStage] = useState<Stage>('file');
  const [sheet, setSheet] = useState<{ name: string; text: SheetText; headerRow: number } | null>(null);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [refused, setRefused] = useState<string | undefined>();
  const [done, setDone] = useState<Record<'create' | 'update' | 'unchanged' | 'skipped', number> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const attempt = async (doing: string, task: () => Promise<void>) => {
    setBusy(doing);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const readFile = (chosen: File) =>
    attempt(translate('huiwu.import.reading'), async () => {
      let text: SheetText;
      try {
        text = await readSpreadsheet({ name: chosen.name, bytes: await chosen.arrayBuffer() });
      } catch (e) {
        if (e instanceof UnreadableFile)
          throw new Error(translate(`huiwu.import.unreadable.${e.message}`, { line: e.line }));
        throw e;
      }
      if (text.rows.length === 0) throw new Error(translate('huiwu.import.nothing'));
      if (text.rows.length < 2) throw new Error(translate('huiwu.import.empty'));
      const keys = importKeysOf(resource).map((k) => JSON.stringify(k));
      const key =
        remembered.key === null || (remembered.key && keys.includes(JSON.stringify(remembered.key)))
          ? remembered.key
          : (importKeysOf(resource)[0] ?? null);
      applyHeaderRow(
        { name: chosen.name, text, headerRow: findHeaderRow(resource, text.rows, remembered.mapping) },
        key,
      );
      setStage('map');
    });

  /** The rows under the header row, their columns matched to fields again. */
  const applyHeaderRow = (next: { name: string; text: SheetText; headerRow: number }, key = choices?.key ?? null) => {
    const read = toImportFile(next.name, next.text, next.headerRow);
    setSheet(next);
    setFile(read);
    setChoices({ columns: autoMap(resource, read.headers, remembered.mapping, Object.keys(fixed)), key, fixed });
  };

  const preview = () =>
    attempt(translate('huiwu.import.checking', { smart_count: file!.rows.length }), async () => {
      const mapping = { ...remembered.mapping };
      file!.headers.forEach((header, j) => {
        if (header) mapping[normaliseHeader(header)] = choices!.columns[j];
      });
      remember({ mapping, key: choices!.key });
      setReport(await dataProvider.importRows(resource.name, { body: importBody(file!, choices!), dryRun: true }));
      setRefused(undefined);
      setStage('preview');
    });

  const writable = report
    ? report.rows.flatMap((r, i) => (r.outcome === 'create' || r.outcome === 'update' ? [i] : []))
    : [];
  const commit = () =>
    attempt(translate('huiwu.import.writing', { smart_count: writable.length }), async () => {
      try {
        const written = await dataProvider.importRows(resource.name, {
          body: importBody(file!, choices!, writable),
          dryRun: false,
        });
        setDone({
          create: written.counts.create,
          update: written.counts.update,
          unchanged: report!.counts.unchanged,
          skipped: report!.counts.invalid,
        });
        setStage('done');
        refresh();
      } catch (e) {
        const body = e instanceof HttpError ? (e.body as ImportReport | undefined) : undefined;
        if (!body?.rows) throw e;
        // refused as a whole: show what changed since the preview, row by row, in the file's places
        const rows = [...report!.rows];
        writable.forEach((i, k) => (rows[i] = body.rows[k]));
        const counts = { create: 0, update: 0, unchanged: 0, invalid: 0 };
        for (const row of rows) counts[row.outcome]++;
        setReport({ written: false, counts, rows });
        setRefused(e instanceof Error ? e.message : String(e));
      }
    });

  const downloadInvalid = () =>
    attempt(translate('huiwu.import.preparing'), async () => {
      const table = invalidRowsTable(
        file!,
        report!,
        (source) => getField(resource, source)?.label[lang] ?? source,
        lang,
      );
      const [{ default: ExcelJS }, { toXlsx }] = await Promise.all([import('exceljs'), import('../export/xlsx')]);
      const buffer = await toXlsx(ExcelJS, table, translate('huiwu.import.invalidSheet'));
      const base = file!.name.replace(/\.[^.]+$/, '');
      download({
        blob: new Blob([buffer], { type: XLSX_TYPE }),
        filename: `${base}-${translate('huiwu.import.invalidSheet')}.xlsx`,
      });
    });

  const missing = choices ? missingRequired(resource, choices) : [];
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="lg" fullWidth aria-labelledby="import-title">
      <DialogTitle id="import-title">{translate('huiwu.import.title', { resource: resource.label[lang] })}</DialogTitle>
      <DialogContent dividers>
        <Stepper activeStep={STAGES.indexOf(stage)} sx={{ mb: 2 }}>
          {STAGES.map((s) => (
            <Step key={s}>
              <StepLabel>{translate(`huiwu.import.step.${s}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {busy && (
          <Box role="status" sx={{ mb: 2 }}>
            <LinearProgress />
            <Typography variant="caption">{busy}</Typography>
          </Box>
        )}
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {stage === 'file' && (
          <FileStep resource={resource} onFile={readFile} disabled={!!busy} fixed={Object.keys(fixed)} />
        )}
        {stage === 'map' && file && choices && (
          <MappingStep
            resource={resource}
            file={file}
            choices={choices}
            onChange={setChoices}
            pageFixed={Object.keys(fixed)}
            header={{
              row: sheet!.headerRow,
              rows: sheet!.text.rows.slice(0, 10),
              lines: sheet!.text.lines,
              onChange: (headerRow) => applyHeaderRow({ ...sheet!, headerRow }),
            }}
          />
        )}
        {stage === 'preview' && file && choices && report && (
          <PreviewStep resource={resource} file={file} choices={choices} report={report} refused={refused} />
        )}
        {stage === 'done' && done && (
          <Alert severity="success" data-testid="import-done">
            {translate('huiwu.import.done', done)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {stage === 'map' && <Button label="huiwu.import.back" onClick={() => setStage('file')} disabled={!!busy} />}
        {stage === 'preview' && (
          <>
            <Button label="huiwu.import.back" onClick={() => setStage('map')} disabled={!!busy} />
            {report!.counts.invalid > 0 && (
              <Button label="huiwu.import.downloadInvalid" onClick={downloadInvalid} disabled={!!busy} />
            )}
          </>
        )}
        <Box sx={{ flex: 1 }} />
        <Button label={stage === 'done' ? 'ra.action.close' : 'ra.action.cancel'} onClick={onClose} disabled={!!busy} />
        {stage === 'map' && (
          <Button
            variant="contained"
            label="huiwu.import.toPreview"
            onClick={preview}
            disabled={!!busy || missing.length > 0 || !choices?.columns.some(Boolean)}
          />
        )}
        {stage === 'preview' && (
          <Button
            variant="contained"
            label={translate(report!.counts.invalid ? 'huiwu.import.commitSkipping' : 'huiwu.import.commit', {
              smart_count: writable.length,
              invalid: report!.counts.invalid,
            })}
            onClick={commit}
            disabled={!!busy || writable.length === 0}
          />
        )}
      </DialogActions>
    </Dialog>
  );
};
