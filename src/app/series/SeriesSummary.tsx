import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { resourceByName } from '../../schema';
import { listLink } from '../dashboard/Figure';
import { useAggregate } from '../providers/useAggregate';
import { SchemaFields } from '../schema-ui/SchemaShow';

/** A lecture series: its details, how many sessions and listeners in all, and year by year. */
export const SeriesSummary = () => {
  const series = useRecordContext();
  const translate = useTranslate();
  const filter = { seriesId: series?.id };
  const { data } = useAggregate('lectures', { filter, groupBy: 'startsAt:year', sum: 'audience' }, !!series);
  return (
    <Box sx={{ width: '100%' }}>
      <SchemaFields resource={resourceByName.series} />
      {data && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h6" data-testid="series-totals">
            {translate('huiwu.series.totals', { sessions: data.count, audience: data.sum ?? 0 })}
          </Typography>
          <Table size="small" aria-label={translate('huiwu.series.byYear')} sx={{ maxWidth: 480 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('huiwu.series.year')}</TableCell>
                <TableCell align="right">{translate('huiwu.series.sessions')}</TableCell>
                <TableCell align="right">{translate('resources.lectures.fields.audience')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(data.groups ?? []).map((g) => (
                <TableRow key={String(g.key)}>
                  <TableCell>
                    <Link
                      to={listLink('lectures', {
                        ...filter,
                        startsAt_gte: `${g.key}-01-01`,
                        startsAt_lte: `${g.key}-12-31`,
                      })}
                    >
                      {String(g.key)}
                    </Link>
                  </TableCell>
                  <TableCell align="right">{g.count}</TableCell>
                  <TableCell align="right">{g.sum ?? 0}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};
