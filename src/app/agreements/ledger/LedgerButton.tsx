import SummarizeIcon from '@mui/icons-material/Summarize';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { Button, useDataProvider, useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { beijingDay, getField, resourceByName, type Lang } from '../../../schema';
import { download } from '../../export/download';
import { fetchAll, fetchTitles } from '../../export/fetchRows';
import { XLSX_TYPE } from '../../../schema/spreadsheet/xlsx';
import type { HuiwuDataProvider } from '../../providers/dataProvider';
import { buildLedger, ledgerToXlsx } from './ledger';
import { useMoneyUnit } from '../../schema-ui/useMoney';

const agreements = resourceByName.agreements;

/** "Export the ledger": the agreements signed in a period, with a summary sheet, in one file. */
export const LedgerButton = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<HuiwuDataProvider>();
  const notify = useNotify();
  const [unit] = useMoneyUnit();
  const year = beijingDay().slice(0, 4);
  const [open, setOpen] = useState(false);
  const [range, setRange] = useState({ from: `${year}-01-01`, to: `${year}-12-31` });
  const [busy, setBusy] = useState(false);
  const { filterValues } = useListContext();
  const filtered = Object.keys(filterValues).some((key) => !key.startsWith('signedOn'));
  const [useFilters, setUseFilters] = useState(true);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to) && range.from <= range.to;

  const run = async () => {
    setBusy(true);
    try {
      // what the list is filtered to (mine, an officer, an industry), within the period
      const filter = { ...(useFilters ? filterValues : {}), signedOn_gte: range.from, signedOn_lte: range.to };
      const rows = await fetchAll(dataProvider, 'agreements', filter, { field: 'signedOn', order: 'ASC' });
      const names = new Map<unknown, string>();
      for (const source of ['enterpriseId', 'partnerId'])
        for (const [id, name] of await fetchTitles(dataProvider, getField(agreements, source)!, rows))
          names.set(id, name);
      const last = await dataProvider.aggregate('followups', { groupBy: 'agreementId', max: 'on' });
      const lastFollowUp = new Map((last.groups ?? []).map((g) => [g.key, String(g.max)]));
      const ledger = buildLedger({
        agreements: rows,
        names,
        lastFollowUp,
        range,
        lang: locale as Lang,
        now: Date.now(),
        unit,
      });
      const { default: ExcelJS } = await import('exceljs');
      const buffer = await ledgerToXlsx(ExcelJS, ledger, locale as Lang);
      download({
        blob: new Blob([buffer], { type: XLSX_TYPE }),
        filename: `${translate('huiwu.ledger.file')}-${range.from}-${range.to}.xlsx`,
      });
      setOpen(false);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="huiwu.ledger.button" onClick={() => setOpen(true)}>
        <SummarizeIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby="ledger-title">
        <DialogTitle id="ledger-title">{translate('huiwu.ledger.title')}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'flex', gap: 2, pt: 1 }}>
            {(['from', 'to'] as const).map((end) => (
              <TextField
                key={end}
                type="date"
                label={translate(`huiwu.ledger.${end}`)}
                value={range[end]}
                onChange={(e) => setRange({ ...range, [end]: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
                error={!valid}
              />
            ))}
          </Box>
          {!valid && <Box sx={{ color: 'error.main', mt: 1 }}>{translate('huiwu.ledger.badRange')}</Box>}
          {filtered && (
            <FormControlLabel
              control={<Checkbox checked={useFilters} onChange={(e) => setUseFilters(e.target.checked)} />}
              label={translate('huiwu.ledger.useFilters')}
            />
          )}
          {busy && <LinearProgress sx={{ mt: 2 }} />}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button label="huiwu.ledger.export" variant="contained" onClick={run} disabled={busy || !valid} />
        </DialogActions>
      </Dialog>
    </>
  );
};
