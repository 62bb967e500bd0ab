import Typography from '@mui/material/Typography';
import { useListContext, useTranslate } from 'react-admin';

/** What an empty list or tab lacks, in its own words, above the grid that stays for a paste
 * or an import. Filtered to nothing, it says the filter found nothing. */
export const EmptyNote = ({
  message = 'huiwu.empty.list',
  name,
  fixed = {},
}: {
  message?: string;
  name: string;
  /** the tab's own filter (a summit's certificates): not one the user set */
  fixed?: Record<string, unknown>;
}) => {
  const translate = useTranslate();
  const { total, isPending, filterValues } = useListContext();
  if (isPending || total !== 0) return null;
  const filtered = Object.keys(filterValues ?? {}).some((key) => !(key in fixed));
  return (
    <Typography color="text.secondary" sx={{ my: 1, px: 2 }} data-testid="empty-note">
      {translate(filtered ? 'huiwu.empty.filtered' : message, { name })}
    </Typography>
  );
};
