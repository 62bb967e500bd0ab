import LinearProgress from '@mui/material/LinearProgress';
import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useNotify, useStore } from 'react-admin';
import { loadLiveSchema, useLiveSchema } from '../customSchema/liveSchema';
import { PREFERENCES_STATUS, type PreferencesStatus } from '../providers/accountStore';
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
  // the account's settings, when the server has not taken a change (accountStore.ts)
  const [preferences] = useStore<PreferencesStatus | undefined>(PREFERENCES_STATUS);
  useEffect(() => {
    if (preferences?.state === 'unsaved')
      notify('huiwu.preferences.unsaved', { type: 'warning', autoHideDuration: null });
    if (preferences?.state === 'saved') notify('huiwu.preferences.saved', { type: 'info' });
    if (preferences?.state === 'refused')
      notify('huiwu.preferences.refused', { type: 'error', messageArgs: { message: preferences.message } });
  }, [preferences, notify]);
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
