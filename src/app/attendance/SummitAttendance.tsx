import EventBusyIcon from '@mui/icons-material/EventBusy';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery } from '@tanstack/react-query';
import { Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { apiUrl, httpClient } from '../providers/httpClient';
import { CountCells, CountHead } from './AttendanceView';

type Counts = Parameters<typeof CountCells>[0]['counts'];

/**
 * A summit's attendance (its 出席情况 tab): each session's counts and the sum, each session a
 * link to its own report; and, once the first day is over, the guests who said they would come
 * and did not, marked 缺席 in one step.
 */
export const SummitAttendance = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'attendees', action: 'edit' });
  const { data } = useQuery({
    queryKey: ['attendance', 'summit', record?.id],
    queryFn: async () =>
      (await httpClient(`${apiUrl}/summits/${record?.id}/attendance`)).json as {
        sessions: { session: { id: number; title: string }; counts: Counts }[];
        total: Counts;
      },
    enabled: !!record,
  });
  if (!record || !data) return null;
  const markAbsent = async () => {
    setAsking(false);
    try {
      const { json } = await httpClient(`${apiUrl}/summits/${record.id}/mark-absent`, { method: 'POST', body: '{}' });
      notify('huiwu.attendance.marked', { messageArgs: { count: json.marked } });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'warning' });
    }
  };
  return (
    <Box data-testid="summit-attendance">
      {canAccess && (
        <Button startIcon={<EventBusyIcon />} onClick={() => setAsking(true)} sx={{ mb: 2 }}>
          {translate('huiwu.attendance.markAbsent')}
        </Button>
      )}
      <Confirm
        isOpen={asking}
        title="huiwu.attendance.markAbsent"
        content="huiwu.attendance.markAbsentText"
        onConfirm={markAbsent}
        onClose={() => setAsking(false)}
      />
      <Table size="small">
        <TableHead>
          <CountHead first={translate('huiwu.attendance.session')} />
        </TableHead>
        <TableBody>
          {data.sessions.map(({ session, counts }) => (
            <TableRow key={session.id}>
              <TableCell>
                <Link to={`/lectures/${session.id}/show/attendance`}>{session.title}</Link>
              </TableCell>
              <CountCells counts={counts} />
            </TableRow>
          ))}
          <TableRow sx={{ '& td': { fontWeight: 700 } }}>
            <TableCell>{translate('huiwu.attendance.all')}</TableCell>
            <CountCells counts={data.total} />
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};
