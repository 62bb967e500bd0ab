import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { timeText } from '../../schema/checkinWindow';
import { downloadResponse } from '../export/download';
import { apiUrl, httpClient } from '../providers/httpClient';
import { formatDay } from '../schema-ui/time';

type Counts = Record<'expected' | 'present' | 'late' | 'leave' | 'substitute' | 'absent', number> & {
  attendanceRate: number | null;
  punctualityRate: number | null;
};
interface Attendance {
  counts: Counts;
  byRole: (Counts & { role: string })[];
  byOrganization: (Counts & { organization: string })[];
  people: {
    attendeeId: number;
    name: string;
    organization: string;
    standing: string;
    at: string | null;
    desk: string | null;
    substitute: string | null;
    reason: string | null;
  }[];
}

const COLUMNS = [
  'expected',
  'present',
  'late',
  'leave',
  'substitute',
  'absent',
  'attendanceRate',
  'punctualityRate',
] as const;
const rate = (value: number | null) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);
const STANDING_COLOUR: Record<string, 'success' | 'warning' | 'info' | 'default' | 'error'> = {
  onTime: 'success',
  late: 'warning',
  substitute: 'info',
  leave: 'default',
  absent: 'error',
};

/** A row of the counts, in the order offices report them. */
export const CountCells = ({ counts }: { counts: Counts }) => (
  <>
    {COLUMNS.map((key) => (
      <TableCell key={key} align="right">
        {key.endsWith('Rate') ? rate(counts[key as 'attendanceRate']) : counts[key as 'expected']}
      </TableCell>
    ))}
  </>
);

export const CountHead = ({ first }: { first: string }) => {
  const translate = useTranslate();
  return (
    <TableRow>
      <TableCell>{first}</TableCell>
      {COLUMNS.map((key) => (
        <TableCell key={key} align="right">
          {translate(`huiwu.attendance.${key}`)}
        </TableCell>
      ))}
    </TableRow>
  );
};

/**
 * A session's attendance (the lecture's 出席情况 tab): the counts offices report, by role, and
 * every expected guest with how they stood; exported as the workbook offices file, or printed.
 */
export const AttendanceView = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ['attendance', record?.id],
    queryFn: async () => (await httpClient(`${apiUrl}/lectures/${record?.id}/attendance`)).json as Attendance,
    enabled: !!record,
    refetchInterval: 15_000,
  });
  if (!record || !data) return null;
  const download = async () => {
    const res = await fetch(`${apiUrl}/lectures/${record.id}/attendance.xlsx`, {
      credentials: 'same-origin',
      headers: { 'Accept-Language': locale },
    });
    await downloadResponse(res, 'attendance.xlsx');
  };
  return (
    <Box data-testid="attendance">
      {/* printed, the report alone: no menu, bar, tabs or buttons; a title above, signatures below */}
      <style>{`@media print {
        .RaAppBar-appBar, .RaSidebar-fixed, .RaSidebar-docked, .MuiTabs-root, .RaTopToolbar-root { display: none !important; }
        .RaLayout-content { padding: 0 !important; }
      }`}</style>
      <Typography
        variant="h5"
        sx={{ display: 'none', textAlign: 'center', mb: 1, '@media print': { display: 'block' } }}
      >
        {translate('huiwu.attendance.printTitle', { title: String(record.title) })}
      </Typography>
      <Typography sx={{ display: 'none', textAlign: 'center', mb: 2, '@media print': { display: 'block' } }}>
        {[formatDay(record.startsAt, 'datetime', locale), record.venue].filter(Boolean).join(' · ')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, mb: 2, '@media print': { display: 'none' } }}>
        <Button startIcon={<DownloadIcon />} onClick={download}>
          {translate('huiwu.attendance.export')}
        </Button>
        <Button startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('huiwu.attendance.print')}
        </Button>
      </Box>
      <Table size="small" sx={{ mb: 3 }}>
        <TableHead>
          <CountHead first="" />
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>{translate('huiwu.attendance.all')}</TableCell>
            <CountCells counts={data.counts} />
          </TableRow>
          {data.byRole.map((group) => (
            <TableRow key={group.role}>
              <TableCell>{translate(`enums.attendeeRole.${group.role}`, { _: group.role })}</TableCell>
              <CountCells counts={group} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" sx={{ mb: 3 }} data-testid="attendance-by-organization">
        <TableHead>
          <CountHead first={translate('huiwu.attendance.organization')} />
        </TableHead>
        <TableBody>
          {data.byOrganization.map((group) => (
            <TableRow key={group.organization}>
              <TableCell>{group.organization || translate('huiwu.attendance.noOrganization')}</TableCell>
              <CountCells counts={group} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {translate('huiwu.attendance.people')}
      </Typography>
      <Table size="small">
        <TableBody>
          {data.people.map((p) => (
            <TableRow key={p.attendeeId}>
              <TableCell>{p.name}</TableCell>
              <TableCell>{p.organization}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={STANDING_COLOUR[p.standing]}
                  label={translate(`huiwu.attendance.standing.${p.standing}`)}
                />
              </TableCell>
              <TableCell>{p.at ? timeText(Date.parse(p.at)) : ''}</TableCell>
              <TableCell>{p.desk ?? ''}</TableCell>
              <TableCell>{p.substitute ?? p.reason ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography sx={{ display: 'none', mt: 4, '@media print': { display: 'block' } }}>
        {translate('huiwu.attendance.signatures')}
      </Typography>
    </Box>
  );
};
