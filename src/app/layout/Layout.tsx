import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

// min-width 0 lets wide tables scroll inside their card instead of widening the page.
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout
    menu={Menu}
    appBar={AppBar}
    sx={{ minWidth: 0, '& .RaLayout-contentWithSidebar, & .RaLayout-appFrame, & .RaLayout-content': { minWidth: 0 } }}
  >
    {children}
  </RaLayout>
);
