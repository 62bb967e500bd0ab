import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useGetList, useTranslate } from 'react-admin';
import { enums } from '../../../schema';
import { useAggregate } from '../../providers/useAggregate';

export interface BoardFilter {
  officer?: string;
  industry?: string;
  summitId?: number;
  year?: string;
}

const ANY = '';

/** Officer, industry, summit and year: the board's four filters, each offering what exists. */
export const BoardFilters = ({ value, onChange }: { value: BoardFilter; onChange: (f: BoardFilter) => void }) => {
  const translate = useTranslate();
  const officers = useAggregate('agreements', { groupBy: 'officer' });
  const years = useAggregate('agreements', { groupBy: 'signedOn:year' });
  const { data: summits } = useGetList('summits', {
    sort: { field: 'startsOn', order: 'DESC' },
    pagination: { page: 1, perPage: 200 },
  });
  const select = (
    key: keyof BoardFilter,
    label: string,
    options: { id: string | number; name: string }[],
    parse: (v: string) => unknown = (v) => v,
  ) => (
    <TextField
      select
      size="small"
      fullWidth={false}
      label={label}
      value={value[key] ?? ANY}
      onChange={(e) => onChange({ ...value, [key]: e.target.value === ANY ? undefined : parse(e.target.value) })}
      sx={{ width: 200 }}
    >
      <MenuItem value={ANY}>{translate('huiwu.board.any')}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.id} value={option.id}>
          {option.name}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }} role="search">
      {select(
        'officer',
        translate('resources.agreements.fields.officer'),
        (officers.data?.groups ?? []).filter((g) => g.key).map((g) => ({ id: String(g.key), name: String(g.key) })),
      )}
      {select(
        'industry',
        translate('resources.agreements.fields.industry'),
        enums.industry.map((o) => ({ id: o.id, name: translate(`enums.industry.${o.id}`) })),
      )}
      {select(
        'summitId',
        translate('huiwu.agreement.summit'),
        (summits ?? []).map((s) => ({ id: s.id, name: String(s.name) })),
        Number,
      )}
      {select(
        'year',
        translate('huiwu.board.year'),
        (years.data?.groups ?? [])
          .filter((g) => g.key)
          .reverse()
          .map((g) => ({ id: String(g.key), name: String(g.key) })),
      )}
    </Box>
  );
};
