import { Admin, Resource } from 'react-admin';
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
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import series from './series';
import summits from './summits';

const views: Record<string, object> = { summits, series, lectures, ceremonies, attendees, organizations, agreements, followups };

export const App = () => (
  <Admin
    title="会务 Huiwu"
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Dashboard}
    theme={theme}
    disableTelemetry
  >
    {resources.map((resource) => (
      <Resource key={resource.name} name={resource.name} {...views[resource.name]} />
    ))}
  </Admin>
);
