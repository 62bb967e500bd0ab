import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { resources } from '../schema';
import { PasswordPage } from './account/PasswordPage';
import agreements from './agreements';

import attendees from './attendees';
import ceremonies from './ceremonies';
import { Dashboard } from './dashboard/Dashboard';
import followups from './followups';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import lectures from './lectures';
import organizations from './organizations';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import series from './series';
import summits from './summits';
import users from './users';
import audit from './audit';

// the check-in desk (with its pinyin dictionary) and the board (drag and drop) load when opened
const BadgesPrint = lazy(() => import('./print/BadgesPrint').then((m) => ({ default: m.BadgesPrint })));
const TableCardsPrint = lazy(() => import('./print/TableCardsPrint').then((m) => ({ default: m.TableCardsPrint })));
const PickupSheetPrint = lazy(() => import('./print/PickupSheetPrint').then((m) => ({ default: m.PickupSheetPrint })));
const EventCalendar = lazy(() => import('./calendar/EventCalendar').then((m) => ({ default: m.EventCalendar })));
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
  users,
  audit,
};

export const App = () => (
  <Admin
    title="会务 Huiwu"
    dataProvider={dataProvider}
    authProvider={authProvider}
    requireAuth
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Dashboard}
    theme={theme}
    disableTelemetry
  >
    {resources.map((resource) => (
      <Resource key={resource.name} name={resource.name} {...views[resource.name]} />
    ))}
    <CustomRoutes noLayout>
      <Route path="/summits/:id/print/badges" element={<BadgesPrint />} />
      <Route path="/summits/:id/print/tablecards" element={<TableCardsPrint />} />
      <Route path="/summits/:id/print/pickups" element={<PickupSheetPrint />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path="/password" element={<PasswordPage />} />
      <Route path="/agreements-board" element={<AgreementBoard />} />
      <Route path="/summits/:id/checkin" element={<CheckInPage />} />
      <Route path="/calendar" element={<EventCalendar />} />
    </CustomRoutes>
  </Admin>
);
