import useMediaQuery from '@mui/material/useMediaQuery';
import { useEffect } from 'react';
import { useSidebarState } from 'react-admin';

/** Below this width (a tablet, either way round) the open menu took a third of the screen. */
export const NARROW = '(max-width: 1099.98px)';

/**
 * Folds the side menu to its icons when the window is narrow, on every page: the desk clerk
 * reaches the check-in page through the summit's, and a menu that opened and closed page by
 * page would jump. Only on arriving narrow or turning narrow: opened by hand, it stays open.
 */
export function useNarrowSidebar() {
  const narrow = useMediaQuery(NARROW, { noSsr: true });
  const [, setOpen] = useSidebarState();
  useEffect(() => {
    if (narrow) setOpen(false);
  }, [narrow, setOpen]);
}
