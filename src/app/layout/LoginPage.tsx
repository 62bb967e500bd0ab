import { Login } from 'ra-ui-materialui';

/** react-admin's login page, in a module of its own so it can be loaded on demand. */
export const LoginPage = () => <Login />;
