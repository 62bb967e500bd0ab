import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import MailLockIcon from '@mui/icons-material/MailLock';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import ListSubheader from '@mui/material/ListSubheader';
import { Fragment } from 'react';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { allows, resources, type MenuGroup } from '../../schema';
import { mailSettings } from '../../schema/mailSettings';

const groups: MenuGroup[] = ['events', 'people', 'projects', 'admin'];

/** The menu grouped the way users think (from the schema), showing only what the role may read. */
export const Menu = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { permissions: role } = usePermissions();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {groups.map((group) => {
        const items = resources.filter((resource) => resource.group === group && allows(role, resource, 'read'));
        if (items.length === 0) return null;
        return (
          <Fragment key={group}>
            {open && (
              <ListSubheader disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
                {translate(`huiwu.menu.${group}`)}
              </ListSubheader>
            )}
            {items.map((resource) => (
              <Fragment key={resource.name}>
                <RaMenu.ResourceItem name={resource.name} />
                {/* the agreements' board sits right under their ledger */}
                {resource.name === 'ceremonies' && (
                  <RaMenu.Item to="/calendar" primaryText="huiwu.calendar.title" leftIcon={<CalendarMonthIcon />} />
                )}
                {resource.name === 'agreements' && (
                  <RaMenu.Item to="/agreements-board" primaryText="huiwu.board.title" leftIcon={<ViewKanbanIcon />} />
                )}
                {resource.name === 'users' && allows(role, mailSettings, 'write') && (
                  <RaMenu.Item to="/settings/mail" primaryText="huiwu.mail.settings" leftIcon={<MailLockIcon />} />
                )}
              </Fragment>
            ))}
          </Fragment>
        );
      })}
    </RaMenu>
  );
};
