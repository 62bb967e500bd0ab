import DownloadIcon from '@mui/icons-material/Download';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { getField, resourceByName, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import { buildSheet, sheetToXlsx, type SheetKind } from './attendeeSheets';
import { XLSX_TYPE } from '../../schema/spreadsheet/xlsx';
import { download } from './download';
import { exportFileName } from './fileName';
import { fetchAll, fetchTitles } from './fetchRows';
import { ownerName } from './ownerName';
import { exportList } from './serverExport';
import { useMoneyUnit } from '../schema-ui/useMoney';

/** Export what the grid shows (filters, sort, visible columns; every row) to Excel or CSV. */
export const ExportMenu = ({
  resource,
  columns,
  summitId,
  fixed = {},
  what,
}: {
  resource: ResourceDef;
  columns: FieldDef[];
  /** the summit these attendees belong to, when the list shows one: its printable sheets */
  summitId?: unknown;
  /** what the list is fixed to (a summit's guests): part of the filter, though not in filterValues */
  fixed?: Record<string, unknown>;
  /** i18n key of what the rows are, when a tab shows some of a list (a summit's certificates) */
  what?: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const { filterValues, sort, total } = useListContext();
  const [unit] = useMoneyUnit();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // one export at a time, with its progress, and a clear message if it fails
  const withProgress =
    (task: (onProgress: (done: number, all: number) => void) => Promise<{ blob: Blob; filename: string }>) =>
    async () => {
      setAnchor(null);
      setProgress({ done: 0, total: total ?? 0 });
      try {
        download(await task((done, all) => setProgress({ done, total: all })));
      } catch (error) {
        notify((error as Error).message, { type: 'error' });
      } finally {
        setProgress(null);
      }
    };
  const run = (format: 'xlsx' | 'csv') =>
    withProgress(async (onProgress) =>
      exportList({
        resource,
        // a summit's guests are that summit's list: its name leads the file's
        of: await ownerName(dataProvider, resource, fixed).catch(() => undefined),
        what: what && translate(what),
        columns: columns.filter((f) => f.type !== 'password' && f.type !== 'json'),
        filter: { ...filterValues, ...fixed },
        sort,
        format,
        lang: locale as Lang,
        unit,
        onProgress,
      }),
    );
  const sheet = (kind: SheetKind) =>
    withProgress(async (onProgress) => {
      const { data: summit } = await dataProvider.getOne('summits', { id: summitId as number });
      const attendees = await fetchAll(
        dataProvider,
        'attendees',
        { summitId },
        { field: 'id', order: 'ASC' },
        onProgress,
      );
      const orgField = getField(resourceByName.attendees, 'organizationId')!;
      const built = buildSheet(
        kind,
        String(summit.name),
        attendees,
        await fetchTitles(dataProvider, orgField, attendees),
        locale as Lang,
      );
      const { default: ExcelJS } = await import('exceljs');
      const buffer = await sheetToXlsx(ExcelJS, built);
      return {
        blob: new Blob([buffer], { type: XLSX_TYPE }),
        filename: `${exportFileName(String(summit.name), built.name)}.xlsx`,
      };
    });
  const sheets = resource.name === 'attendees' && summitId !== undefined && summitId !== null;
  return (
    <>
      <Button label="huiwu.export.button" onClick={(e) => setAnchor(e.currentTarget)} disabled={progress !== null}>
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={run('xlsx')}>{translate('huiwu.export.xlsx')}</MenuItem>
        <MenuItem onClick={run('csv')}>{translate('huiwu.export.csv')}</MenuItem>
        {sheets && <Divider />}
        {sheets &&
          (['signIn', 'pickUp', 'certificates'] as const).map((kind) => (
            <MenuItem key={kind} onClick={sheet(kind)}>
              {translate(`huiwu.export.${kind}`)}
            </MenuItem>
          ))}
      </Menu>
      {progress && (
        <span role="status" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 200 }}>
          <LinearProgress
            variant="determinate"
            value={progress.total ? (progress.done / progress.total) * 100 : 0}
            sx={{ flex: 1 }}
          />
          <Typography variant="caption">
            {translate('huiwu.export.progress', {
              done: progress.done.toLocaleString(locale),
              total: progress.total.toLocaleString(locale),
            })}
          </Typography>
        </span>
      )}
    </>
  );
};
