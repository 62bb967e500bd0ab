import LinearProgress from '@mui/material/LinearProgress';
import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useNotify } from 'react-admin';
import { loadLiveSchema, useLiveSchema } from '../customSchema/liveSchema';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { useNarrowSidebar } from './useNarrowSidebar';

// min-width 0 lets wide tables scroll inside their card instead of widening the page.
export const Layout = ({ children }: { children: ReactNode }) => {
  const schema = useLiveSchema();
  const notify = useNotify();
  useNarrowSidebar();
  // signed in: the admins' fields and lists come before any page that shows them
  useEffect(() => {
    if (!schema.loaded) void loadLiveSchema();
  }, [schema.loaded]);
  useEffect(() => {
    if (schema.failed) notify('huiwu.customSchema.failed', { type: 'warning', autoHideDuration: null });
  }, [schema.failed, notify]);
  return (
    <RaLayout
      menu={Menu}
      appBar={AppBar}
      sx={{ minWidth: 0, '& .RaLayout-contentWithSidebar, & .RaLayout-appFrame, & .RaLayout-content': { minWidth: 0 } }}
    >
      {schema.loaded ? children : <LinearProgress />}
    </RaLayout>
  );
};
