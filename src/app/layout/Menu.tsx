import ListSubheader from '@mui/material/ListSubheader';
import { Fragment } from 'react';
import { Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';
import { resources, type MenuGroup } from '../../schema';

const groups: MenuGroup[] = ['events', 'people', 'projects'];

/** The menu grouped the way users think: events, people, projects (from the schema). */
export const Menu = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {groups.map((group) => (
        <Fragment key={group}>
          {open && (
            <ListSubheader disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
              {translate(`huiwu.menu.${group}`)}
            </ListSubheader>
          )}
          {resources
            .filter((resource) => resource.group === group)
            .map((resource) => (
              <RaMenu.ResourceItem key={resource.name} name={resource.name} />
            ))}
        </Fragment>
      ))}
    </RaMenu>
  );
};
