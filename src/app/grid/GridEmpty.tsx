import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useListContext, useTranslate } from 'react-admin';
import { useListScope, userFilters } from './listScope';

/**
 * What an empty grid says, under its new row: that nothing matches and how to see everything
 * again, or that there is nothing yet and how to add some (typing into that row, a paste, an
 * import). A tab that lists some of a list's rows (a summit's certificates) says it in its own
 * words, and only the filters the user set are theirs to clear: never the tab's own.
 */
export const GridEmpty = ({ top, canType, noColumns }: { top: number; canType: boolean; noColumns: boolean }) => {
  const translate = useTranslate();
  const { data, isPending, filterValues, setFilters } = useListContext();
  if (isPending || (data?.length ?? 0) > 0) return null;
  const scope = useListScope();
  const filtered = Object.keys(userFilters(filterValues, scope)).length > 0;
  return (
    <Box
      data-testid="grid-empty"
      role="status"
      sx={{ position: 'absolute', left: 0, right: 0, top, textAlign: 'center', pointerEvents: 'none' }}
    >
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ display: 'inline-block', px: 1.5, py: 0.5, bgcolor: 'background.paper' }}
      >
        {translate(
          filtered
            ? 'huiwu.grid.emptyFiltered'
            : noColumns
              ? 'huiwu.grid.emptyNoFields'
              : scope.empty
                ? scope.empty
                : canType
                  ? 'huiwu.grid.emptyTypeAbove'
                  : 'huiwu.grid.empty',
          scope.emptyArgs,
        )}
        {filtered && (
          <>
            {' · '}
            <Link
              component="button"
              variant="body2"
              onClick={() => setFilters({ ...scope.filter }, {})}
              sx={{ pointerEvents: 'auto' }}
            >
              {translate('huiwu.grid.clearFilters')}
            </Link>
          </>
        )}
      </Typography>
    </Box>
  );
};
