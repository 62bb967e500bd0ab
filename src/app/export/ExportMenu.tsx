import DownloadIcon from '@mui/icons-material/Download';
import LinearProgress from '@mui/material/LinearProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { FieldDef, Lang, ResourceDef } from '../../schema';
import { download, exportList } from './exportList';

/** Export what the grid shows (filters, sort, visible columns; every row) to Excel or CSV. */
export const ExportMenu = ({ resource, columns }: { resource: ResourceDef; columns: FieldDef[] }) => {
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
  return (
    <>
      <Button label="huiwu.export.button" onClick={(e) => setAnchor(e.currentTarget)} disabled={progress !== null}>
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run('xlsx')}>{translate('huiwu.export.xlsx')}</MenuItem>
        <MenuItem onClick={() => run('csv')}>{translate('huiwu.export.csv')}</MenuItem>
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
