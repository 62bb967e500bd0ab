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
import { download, exportList, fetchAll, fetchTitles } from './exportList';

/** Export what the grid shows (filters, sort, visible columns; every row) to Excel or CSV. */
export const ExportMenu = ({
  resource,
  columns,
  summitId,
}: {
  resource: ResourceDef;
  columns: FieldDef[];
  /** the summit these attendees belong to, when the list shows one: its printable sheets */
  summitId?: unknown;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const { filterValues, sort, total } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setAnchor(null);
    setProgress({ done: 0, total: total ?? 0 });
    try {
      download(
        await exportList({
          dataProvider,
          resource,
          columns: columns.filter((f) => f.type !== 'password' && f.type !== 'json'),
          filter: filterValues,
          sort,
          format,
          lang: locale as Lang,
          onProgress: (done, all) => setProgress({ done, total: all }),
        }),
      );
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setProgress(null);
    }
  };
  const sheet = async (kind: SheetKind) => {
    setAnchor(null);
    setProgress({ done: 0, total: total ?? 0 });
    try {
      const { data: summit } = await dataProvider.getOne('summits', { id: summitId as number });
      const attendees = await fetchAll(
        dataProvider,
        'attendees',
        { summitId },
        { field: 'id', order: 'ASC' },
        (done, all) => setProgress({ done, total: all }),
      );
      const orgNames = await fetchTitles(
        dataProvider,
        getField(resourceByName.attendees, 'organizationId')!,
        attendees,
      );
      const built = buildSheet(kind, String(summit.name), attendees, orgNames, locale as Lang);
      const { default: ExcelJS } = await import('exceljs');
      const buffer = await sheetToXlsx(ExcelJS, built);
      download({
        blob: new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        filename: `${built.title}.xlsx`,
      });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setProgress(null);
    }
  };
  const sheets = resource.name === 'attendees' && summitId !== undefined && summitId !== null;
  return (
    <>
      <Button label="huiwu.export.button" onClick={(e) => setAnchor(e.currentTarget)} disabled={progress !== null}>
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run('xlsx')}>{translate('huiwu.export.xlsx')}</MenuItem>
        <MenuItem onClick={() => run('csv')}>{translate('huiwu.export.csv')}</MenuItem>
        {sheets && <Divider />}
        {sheets &&
          (['signIn', 'pickUp', 'certificates'] as const).map((kind) => (
            <MenuItem key={kind} onClick={() => sheet(kind)}>
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
            {translate('huiwu.export.progress', { done: progress.done, total: progress.total })}
          </Typography>
        </span>
      )}
    </>
  );
};
