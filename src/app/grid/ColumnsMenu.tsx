import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { defaultLayout, type GridLayout } from './useGridLayout';

/** Show and hide columns, choose how many stay frozen on the left, or go back to the default. */
export const ColumnsMenu = ({
  resource,
  layout,
  setLayout,
}: {
  resource: ResourceDef;
  layout: GridLayout;
  setLayout: (l: GridLayout) => void;
}) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (source: string) =>
    setLayout({
      ...layout,
      hidden: layout.hidden.includes(source) ? layout.hidden.filter((s) => s !== source) : [...layout.hidden, source],
    });
  return (
    <>
      <Button label="huiwu.grid.columns" onClick={(e) => setAnchor(e.currentTarget)}>
        <ViewColumnIcon />
      </Button>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxHeight: 480 } } }}
      >
        {layout.order.map((source) => (
          <MenuItem key={source} dense onClick={() => toggle(source)}>
            <Checkbox size="small" checked={!layout.hidden.includes(source)} sx={{ p: 0, mr: 1 }} />
            <ListItemText>{translate(`resources.${resource.name}.fields.${source}`)}</ListItemText>
          </MenuItem>
        ))}
        <Divider />
        {[0, 1, 2, 3].map((n) => (
          <MenuItem key={n} dense selected={layout.freeze === n} onClick={() => setLayout({ ...layout, freeze: n })}>
            {translate(n === 0 ? 'huiwu.grid.freezeNone' : 'huiwu.grid.freeze', { smart_count: n })}
          </MenuItem>
        ))}
        <Divider />
        <MenuItem dense onClick={() => setLayout(defaultLayout(resource))}>
          {translate('huiwu.grid.resetColumns')}
        </MenuItem>
      </Menu>
    </>
  );
};
