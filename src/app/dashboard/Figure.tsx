import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** One headline number that opens the list behind it. */
export const Figure = ({
  title,
  value,
  detail,
  to,
}: {
  title: string;
  value: ReactNode;
  detail?: ReactNode;
  to: string;
}) => (
  <Card variant="outlined">
    <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {title}
        </Typography>
        <Typography variant="h4" component="div" sx={{ my: 0.5 }}>
          {value}
        </Typography>
        {detail && (
          <Typography variant="body2" color="text.secondary">
            {detail}
          </Typography>
        )}
      </CardContent>
    </CardActionArea>
  </Card>
);

/** A link to a list with a filter applied, in react-admin's URL form. */
export const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
