import BookmarksIcon from '@mui/icons-material/Bookmarks';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { Button, useGetIdentity, useListContext, useStore, useTranslate } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { NameDialog } from './NameDialog';
import type { GridLayout } from './useGridLayout';

export interface SavedView {
  name: string;
  filter: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' };
  perPage: number;
  layout: GridLayout;
}

/** Named views ("需要接站的嘉宾", "逾期未跟进"): filters, sort, page size and columns, kept per
 * user and resource; create, rename, delete, pick. */
export const ViewsMenu = ({
  resource,
  layout,
  setLayout,
}: {
  resource: ResourceDef;
  layout: GridLayout;
  setLayout: (l: GridLayout) => void;
}) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { filterValues, setFilters, sort, setSort, perPage, setPerPage } = useListContext();
  const [views, setViews] = useStore<SavedView[]>(
    `huiwu.views.${identity?.username ?? 'anonymous'}.${resource.name}`,
    [],
  );
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState<{ view?: SavedView } | null>(null);
  const open = (view: SavedView) => {
    setAnchor(null);
    setFilters(view.filter, Object.fromEntries(Object.keys(view.filter).map((key) => [key, true])));
    setSort(view.sort);
    setPerPage(view.perPage);
    setLayout(view.layout);
  };
  const save = (name: string) => {
    const renaming = naming?.view;
    if (renaming) setViews(views.map((v) => (v === renaming ? { ...v, name } : v)));
    else
      setViews([
        ...views.filter((v) => v.name !== name),
        { name, filter: filterValues, sort: sort as SavedView['sort'], perPage, layout },
      ]);
    setNaming(null);
  };
  return (
    <>
      <Button label="huiwu.grid.views" onClick={(e) => setAnchor(e.currentTarget)}>
        <BookmarksIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {views.map((view) => (
          <MenuItem key={view.name} dense onClick={() => open(view)}>
            <ListItemText>{view.name}</ListItemText>
            <IconButton
              size="small"
              aria-label={translate('huiwu.grid.renameView')}
              onClick={(e) => {
                e.stopPropagation();
                setAnchor(null);
                setNaming({ view });
              }}
            >
              <EditIcon fontSize="inherit" />
            </IconButton>
            <IconButton
              size="small"
              aria-label={translate('huiwu.grid.deleteView')}
              onClick={(e) => {
                e.stopPropagation();
                setViews(views.filter((v) => v !== view));
              }}
            >
              <DeleteIcon fontSize="inherit" />
            </IconButton>
          </MenuItem>
        ))}
        {views.length > 0 && <Divider />}
        <MenuItem
          dense
          onClick={() => {
            setAnchor(null);
            setNaming({});
          }}
        >
          {translate('huiwu.grid.saveView')}
        </MenuItem>
      </Menu>
      <NameDialog
        open={!!naming}
        title={naming?.view ? 'huiwu.grid.renameView' : 'huiwu.grid.saveView'}
        initial={naming?.view?.name ?? ''}
        onSave={save}
        onCancel={() => setNaming(null)}
      />
    </>
  );
};
