import { lazy } from 'react';
import { AdminContext } from 'ra-ui-materialui';
import { AdminUI } from './layout/AdminUI';
import { CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { resources } from '../schema';
import agreements from './agreements';

import attendees from './attendees';
import ceremonies from './ceremonies';
import { Dashboard } from './dashboard/Dashboard';
import followups from './followups';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import lectures from './lectures';
import organizations from './organizations';
import outbox from './outbox';
import { accountStore } from './providers/accountStore';
import { authProvider, currentUsername } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import series from './series';
import summits from './summits';
import users from './users';
import audit from './audit';
import customFields from './customFields';
import customResources from './customResources';
import { useLiveSchema } from './customSchema/liveSchema';
import { customViews } from './customSchema/views';

// pages outside the resources load when opened: the check-in desk carries its pinyin
// dictionary, the board its drag and drop
const PasswordPage = lazy(() => import('./account/PasswordPage').then((m) => ({ default: m.PasswordPage })));
const BadgesPrint = lazy(() => import('./print/BadgesPrint').then((m) => ({ default: m.BadgesPrint })));
const TableCardsPrint = lazy(() => import('./print/TableCardsPrint').then((m) => ({ default: m.TableCardsPrint })));
const PickupSheetPrint = lazy(() => import('./print/PickupSheetPrint').then((m) => ({ default: m.PickupSheetPrint })));
const EventCalendar = lazy(() => import('./calendar/EventCalendar').then((m) => ({ default: m.EventCalendar })));
const MailSettingsPage = lazy(() => import('./mail/MailSettingsPage').then((m) => ({ default: m.MailSettingsPage })));
const WallPage = lazy(() => import('./wall/WallPage').then((m) => ({ default: m.WallPage })));
const CheckInPage = lazy(() => import('./checkin/CheckInPage').then((m) => ({ default: m.CheckInPage })));
const AgreementBoard = lazy(() =>
  import('./agreements/board/AgreementBoard').then((m) => ({ default: m.AgreementBoard })),
);

const views: Record<string, object> = {
  summits,
  series,
  lectures,
  ceremonies,
  attendees,
  organizations,
  agreements,
  followups,
  outbox,
  users,
  audit,
  customFields,
  customResources,
};

// each account's own settings follow it to any browser (kept on the server)
const store = accountStore(currentUsername);

// react-admin's <Admin> is these two plus an English default translation that would ship with
// the first screen even though ours replaces it.
export const App = () => {
  // the resources are the live schema's: an admin's new list appears without a reload
  useLiveSchema();
  return (
    <AdminContext
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      theme={theme}
    >
      <AdminUI title="会务 Huiwu" requireAuth layout={Layout} dashboard={Dashboard} disableTelemetry>
        {resources.map((resource) => (
          <Resource key={resource.name} name={resource.name} {...(views[resource.name] ?? customViews(resource))} />
        ))}
        <CustomRoutes noLayout>
          <Route path="/summits/:id/print/badges" element={<BadgesPrint />} />
          <Route path="/summits/:id/print/tablecards" element={<TableCardsPrint />} />
          <Route path="/summits/:id/print/pickups" element={<PickupSheetPrint />} />
          <Route path="/summits/:id/wall" element={<WallPage />} />
        </CustomRoutes>
        <CustomRoutes>
          <Route path="/password" element={<PasswordPage />} />
          <Route path="/agreements-board" element={<AgreementBoard />} />
          <Route path="/summits/:id/checkin" element={<CheckInPage />} />
          <Route path="/calendar" element={<EventCalendar />} />
          <Route path="/settings/mail" element={<MailSettingsPage />} />
        </CustomRoutes>
      </AdminUI>
    </AdminContext>
  );
};
