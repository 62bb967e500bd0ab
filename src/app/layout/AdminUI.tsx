import CssBaseline from '@mui/material/CssBaseline';
import { CoreAdminUI, type CoreAdminUIProps } from 'ra-core';
import { AccessDenied, AuthCallback, AuthenticationError, Error, LoadingPage, Notification } from 'ra-ui-materialui';
import { lazy, Suspense } from 'react';
import { NotFound } from './NotFound';

// The login form (text inputs, validation) loads when someone needs to sign in: a signed-in
// user's first screen does without it.
const RaLogin = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));
const Login = () => (
  <Suspense fallback={null}>
    <RaLogin />
  </Suspense>
);

/** react-admin's AdminUI with the same pages, but the login page loaded on demand and a 404
 * page that ends its sentence once. */
export const AdminUI = (props: CoreAdminUIProps) => (
  <CssBaseline enableColorScheme>
    <CoreAdminUI
      accessDenied={AccessDenied}
      authCallbackPage={AuthCallback}
      authenticationError={AuthenticationError}
      catchAll={NotFound as CoreAdminUIProps['catchAll']}
      error={Error}
      loading={LoadingPage}
      loginPage={Login}
      {...props}
    />
    <Notification />
  </CssBaseline>
);
