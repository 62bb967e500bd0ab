import Alert from '@mui/material/Alert';
import { useTranslate } from 'react-admin';
import { Login, LoginForm } from 'ra-ui-materialui';
import { sessionEndedNotice } from '../providers/authProvider';

/** react-admin's login page, in a module of its own so it can be loaded on demand; when the
 * server ended the session (an admin changed the account), it says so for as long as it shows. */
export const LoginPage = () => {
  const translate = useTranslate();
  const ended = sessionEndedNotice.shown();
  return (
    <Login>
      {ended && (
        <Alert severity="warning" sx={{ mx: 2, mt: 2, maxWidth: 260 }}>
          {translate('huiwu.session.ended')}
        </Alert>
      )}
      <LoginForm />
    </Login>
  );
};
