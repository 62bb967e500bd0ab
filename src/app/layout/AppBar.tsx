import KeyIcon from '@mui/icons-material/Key';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { AppBar as RaAppBar, Logout, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';

const PasswordMenuItem = () => {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem component={Link} to="/password" onClick={() => menu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('huiwu.password.title')}</ListItemText>
    </MenuItem>
  );
};

export const AppBar = () => (
  <RaAppBar
    userMenu={
      <UserMenu>
        <PasswordMenuItem />
        <Logout />
      </UserMenu>
    }
  />
);
