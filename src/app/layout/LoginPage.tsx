import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Login, LoginForm } from 'ra-ui-materialui';
import { sessionEndedNotice } from '../providers/authProvider';

/** react-admin's login page, in a module of its own so it can be loaded on demand, headed by
 * the product's name (a bare lock and two fields said nothing of where one was signing in); when
 * the server ended the session (an admin changed the account), it says so for as long as it shows. */
export const LoginPage = () => {
  const translate = useTranslate();
  const ended = sessionEndedNotice.shown();
  return (
    <Login>
      <Typography variant="h5" component="h1" align="center" sx={{ mt: 1 }}>
        {translate('huiwu.title')}
      </Typography>
      {ended && (
        <Alert severity="warning" sx={{ mx: 2, mt: 2, maxWidth: 260 }}>
          {translate('huiwu.session.ended')}
        </Alert>
      )}
      <LoginForm />
    </Login>
  );
};
