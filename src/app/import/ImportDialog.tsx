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
import {
  Button,
  HttpError,
  useDataProvider,
  useListContext,
  useLocaleState,
  useRefresh,
  useStore,
  useTranslate,
} from 'react-admin';
import { getField, importKeysOf, resourceByName, type Lang, type ResourceDef } from '../../schema';
import { XLSX_TYPE } from '../../schema/spreadsheet/xlsx';
import { download } from '../export/download';
import type { HuiwuDataProvider } from '../providers/dataProvider';
import { FileStep } from './FileStep';
import { importBody, missingRequired, startChoices, type ImportChoices, type ImportReport } from './importRequest';
import { invalidRowsTable } from './invalidRows';
import { normaliseHeader, type RememberedMapping } from './mapping';
import { MappingStep } from './MappingStep';
import { prepareImport, prepareSheet, type PreparedSheet } from './prepare';
import { PreviewStep } from './PreviewStep';
import { readChosenFile } from './readFile';
import { UnreadableFile, type BookText } from './readSpreadsheet';

type Stage = 'file' | 'map' | 'preview' | 'done';
const STAGES: Stage[] = ['file', 'map', 'preview', 'done'];

/** What the dialog remembers per resource: the columns chosen by header, the key, and what
 * unknown values were said to mean (大巴 → coach), so the next file from the same partner
 * needs no choices at all. */
interface Remembered {
  mapping: RememberedMapping;
  key?: string[] | null;
  meaning?: Record<string, Record<string, unknown>>;
}

/**
 * Import from Excel or CSV in four steps: choose a file, say which field each column fills
 * (guessed from headers and values, and remembered per resource), see what every row would
 * do and how each unusual value was read, then write them all at once. Nothing is written
 * before the last step, and then all of it or none.
 */
export const ImportDialog = ({
  resource: given,
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
  // the live schema: a field an admin adds from here is part of it at once
  const resource = resourceByName[given.name] ?? given;
  const [remembered, remember] = useStore<Remembered>(`huiwu.import.${resource.name}`, { mapping: {} });
  const [stage, setStage] = useState<Stage>('file');
  const [book, setBook] = useState<{ name: string; text: BookText } | null>(null);
  const [prepared, setPrepared] = useState<PreparedSheet | null>(null);
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [refused, setRefused] = useState<string | undefined>();
  const [done, setDone] = useState<Record<
    'create' | 'update' | 'unchanged' | 'skipped' | 'organizations',
    number
  > | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Runs a step, showing what it is doing; says whether it went through (its error is shown). */
  const attempt = async (doing: string, task: () => Promise<void>) => {
    setBusy(doing);
    setError(null);
    try {
      await task();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const fixedSources = Object.keys(fixed);
  const rememberedKey = () => {
    const keys = importKeysOf(resource).map((k) => JSON.stringify(k));
    return remembered.key === null || (remembered.key && keys.includes(JSON.stringify(remembered.key)))
      ? remembered.key
      : (importKeysOf(resource)[0] ?? null);
  };

  /** A sheet (under a header row) made the one to import: its columns matched again. */
  // a list filtered to one summit imports into it unless the user says otherwise
  const { filterValues = {} } = useListContext();
  const suggested = Object.fromEntries(
    resource.fields
      .filter((f) => f.type === 'reference' && f.required && !Object.hasOwn(fixed, f.source))
      .flatMap((f) => {
        const value = filterValues[f.source];
        return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
          ? [[f.source, Number(value)]]
          : [];
      }),
  );
  const use = (next: PreparedSheet, key = choices?.key ?? rememberedKey()) => {
    setPrepared(next);
    // a column of the file for the field wins over the list's filter
    const free = Object.fromEntries(
      Object.entries(suggested).filter(([source]) => !next.columns.some((c) => c?.split(':')[0] === source)),
    );
    setChoices({ ...startChoices(next.columns, key, { ...free, ...fixed }), meaning: remembered.meaning ?? {} });
  };

  const readFile = (chosen: File) =>
    attempt(translate('huiwu.import.reading'), async () => {
      let text: BookText;
      try {
        text = await readChosenFile(chosen);
      } catch (e) {
        if (e instanceof UnreadableFile)
          throw new Error(translate(`huiwu.import.unreadable.${e.message}`, { line: e.line }));
        throw e;
      }
      const rows = text.sheets.reduce((n, sheet) => n + sheet.rows.length, 0);
      if (rows === 0) throw new Error(translate('huiwu.import.nothing'));
      const first = prepareImport(resource, chosen.name, text, remembered.mapping, fixedSources);
      if (first.file.rows.length === 0) throw new Error(translate('huiwu.import.empty'));
      setBook({ name: chosen.name, text });
      use(first, rememberedKey());
      setStage('map');
    });

  const reprepare = (sheet: number, headerRow: number) =>
    use(prepareSheet(resource, book!.name, book!.text, sheet, headerRow, remembered.mapping, fixedSources));

  /** Asks the server what these choices would do; the choices and the answer are kept only
   * together, so an answer never stands for other choices than its own. */
  const check = (next: ImportChoices) =>
    attempt(translate('huiwu.import.checking', { smart_count: prepared!.file.rows.length }), async () => {
      const answer = await dataProvider.importRows(resource.name, {
        body: importBody(resource, prepared!.file, next),
        dryRun: true,
      });
      setChoices(next);
      setReport(answer);
      setRefused(undefined);
    });

  const preview = async () => {
    // remember what the user chose where it differs from the guess: the next file gets the same
    // choice, and an improved guess is not held back by an old one
    const mapping = { ...remembered.mapping };
    prepared!.file.headers.forEach((header, j) => {
      if (header && choices!.columns[j] !== prepared!.columns[j])
        mapping[normaliseHeader(header)] = choices!.columns[j];
    });
    remember({ ...remembered, mapping, key: choices!.key });
    if (await check(choices!)) setStage('preview');
  };

  /** A choice made in the preview (a value's meaning, a new name's fate, bad cells): checked again. */
  const choose = (next: ImportChoices) => {
    if (next.meaning !== choices!.meaning) remember({ ...remembered, meaning: next.meaning });
    void check(next);
  };

  const writable = report
    ? report.rows.flatMap((r, i) => (r.outcome === 'create' || r.outcome === 'update' ? [i] : []))
    : [];
  const commit = () =>
    attempt(translate('huiwu.import.writing', { smart_count: writable.length }), async () => {
      try {
        const written = await dataProvider.importRows(resource.name, {
          body: importBody(resource, prepared!.file, choices!, writable),
          dryRun: false,
        });
        setDone({
          create: written.counts.create,
          update: written.counts.update,
          unchanged: report!.counts.unchanged,
          skipped: report!.counts.invalid,
          organizations: written.newRecords?.length ?? 0,
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
        setReport({ ...report!, written: false, counts, rows });
        setRefused(e instanceof Error ? e.message : String(e));
      }
    });

  const downloadInvalid = () =>
    attempt(translate('huiwu.import.preparing'), async () => {
      const table = invalidRowsTable(
        prepared!.file,
        report!,
        (source) => getField(resource, source)?.label[lang] ?? source,
        lang,
      );
      const [{ default: ExcelJS }, { toXlsx }] = await Promise.all([
        import('exceljs'),
        import('../../schema/spreadsheet/xlsx'),
      ]);
      const buffer = await toXlsx(ExcelJS, table, translate('huiwu.import.invalidSheet'));
      const base = prepared!.file.name.replace(/\.[^.]+$/, '');
      download({
        blob: new Blob([buffer], { type: XLSX_TYPE }),
        filename: `${base}-${translate('huiwu.import.invalidSheet')}.xlsx`,
      });
    });

  const missing = choices ? missingRequired(resource, choices) : [];
  const problems = report ? report.counts.invalid + report.rows.filter((r) => r.emptied).length : 0;
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
        {stage === 'file' && <FileStep resource={resource} onFile={readFile} disabled={!!busy} fixed={fixedSources} />}
        {stage === 'map' && prepared && choices && book && (
          <MappingStep
            resource={resource}
            prepared={prepared}
            book={book.text}
            choices={choices}
            onChange={setChoices}
            onSheet={(sheet, headerRow) => reprepare(sheet, headerRow)}
            onSchemaChanged={() => reprepare(prepared.sheet, prepared.headerRow)}
            pageFixed={fixedSources}
          />
        )}
        {stage === 'preview' && prepared && choices && report && (
          <PreviewStep
            resource={resource}
            file={prepared.file}
            choices={choices}
            report={report}
            refused={refused}
            onChoose={choose}
            disabled={!!busy}
          />
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
            {problems > 0 && (
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
        {stage === 'preview' && report && (
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
