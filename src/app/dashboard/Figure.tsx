import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** One headline number that opens the list behind it; a detail line with a list of its own
 * (the overdue card's "mine of them") is a link of its own, beside the card's, not in it. */
export const Figure = ({
  title,
  value,
  detail,
  to,
  detailTo,
}: {
  title: string;
  value: ReactNode;
  detail?: ReactNode;
  to: string;
  detailTo?: string;
}) => (
  <Card variant="outlined" sx={{ display: 'flex', flexDirection: 'column' }}>
    <CardActionArea component={Link} to={to} sx={{ flex: 1 }}>
      <CardContent sx={detailTo ? { pb: 0.5 } : undefined}>
        <Typography variant="body2" color="text.secondary">
          {title}
        </Typography>
        <Typography variant="h4" component="div" sx={{ my: 0.5 }}>
          {value}
        </Typography>
        {detail && !detailTo && (
          <Typography variant="body2" color="text.secondary">
            {detail}
          </Typography>
        )}
      </CardContent>
    </CardActionArea>
    {detail && detailTo && (
      <CardActionArea component={Link} to={detailTo} sx={{ px: 2, pt: 0.5, pb: 2 }}>
        <Typography variant="body2" color="primary">
          {detail}
        </Typography>
      </CardActionArea>
    )}
  </Card>
);

/** A link to a list with a filter applied, in react-admin's URL form. */
export const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
