import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { ListContextProvider, useListContext } from 'react-admin';

/**
 * What a page fixes about the list it shows, beyond what the user filters: a tab's own filter
 * (a summit's certificate list holds the guests with 荣誉证书 ticked) and what the tab says when
 * that leaves nothing. The grid's empty state reads it, so it never offers to clear a filter
 * the user did not set.
 */
export interface ListScope {
  /** the tab's own filter, always applied */
  filter: Record<string, unknown>;
  /** i18n key of what the tab says when it lists nothing */
  empty?: string;
  /** its arguments (the list's name) */
  emptyArgs?: Record<string, unknown>;
}

const ScopeContext = createContext<ListScope>({ filter: {} });

export const useListScope = () => useContext(ScopeContext);

/** The filters the user set, without the page's own. */
export const userFilters = (filterValues: Record<string, unknown> | undefined, scope: ListScope) =>
  Object.fromEntries(Object.entries(filterValues ?? {}).filter(([key]) => !(key in scope.filter)));

/**
 * Holds the list below to its scope: whatever sets its filters (clearing them, a saved view)
 * keeps the page's own. react-admin's ReferenceManyField takes its `filter` as the filters'
 * first value only, which setFilters({}) would drop.
 */
export const ScopedList = ({ scope, children }: { scope: ListScope; children: ReactNode }) => {
  const list = useListContext();
  const { setFilters, hideFilter } = list;
  const value = useMemo(
    () => ({
      ...list,
      setFilters: (filters: Record<string, unknown>, displayed?: Record<string, boolean>, debounce?: boolean) =>
        setFilters({ ...filters, ...scope.filter }, displayed ?? {}, debounce),
      hideFilter: (name: string) => {
        if (!(name in scope.filter)) hideFilter(name);
      },
    }),
    [list, setFilters, hideFilter, scope.filter],
  );
  return (
    <ListContextProvider value={value}>
      <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>
    </ListContextProvider>
  );
};
