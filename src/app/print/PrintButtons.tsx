import BadgeIcon from '@mui/icons-material/Badge';
import TableRestaurantIcon from '@mui/icons-material/TableRestaurant';
import { Button, useListContext } from 'react-admin';

/** Badges and table cards for the ticked guests (or everyone expected), in a new tab to print. */
export const PrintButtons = ({ summitId }: { summitId: unknown }) => {
  const { selectedIds } = useListContext();
  const href = (kind: string) =>
    `#/summits/${String(summitId)}/print/${kind}${selectedIds.length ? `?ids=${selectedIds.join(',')}` : ''}`;
  return (
    <>
      <Button label="huiwu.print.badgesButton" component="a" {...{ href: href('badges'), target: '_blank' }}>
        <BadgeIcon />
      </Button>
      <Button label="huiwu.print.tableCardsButton" component="a" {...{ href: href('tablecards'), target: '_blank' }}>
        <TableRestaurantIcon />
      </Button>
    </>
  );
};
