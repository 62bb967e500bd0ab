import CheckIcon from '@mui/icons-material/Check';
import KeyIcon from '@mui/icons-material/Key';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { AppBar as RaAppBar, Logout, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { MONEY_UNITS } from '../../schema/money';
import { useMoneyUnit } from '../schema-ui/useMoney';

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

/** 元 or 万元: the unit every amount is shown, typed and exported in, for this user. */
const MoneyUnitMenuItems = () => {
  const translate = useTranslate();
  const menu = useUserMenu();
  const [unit, setUnit] = useMoneyUnit();
  return MONEY_UNITS.map((choice) => (
    <MenuItem
      key={choice}
      selected={choice === unit}
      onClick={() => {
        setUnit(choice);
        menu?.onClose();
      }}
    >
      <ListItemIcon>{choice === unit && <CheckIcon fontSize="small" />}</ListItemIcon>
      <ListItemText>{translate(`huiwu.money.${choice}`)}</ListItemText>
    </MenuItem>
  ));
};

export const AppBar = () => (
  <RaAppBar
    userMenu={
      <UserMenu>
        <PasswordMenuItem />
        <MoneyUnitMenuItems />
        <Logout />
      </UserMenu>
    }
  />
);
