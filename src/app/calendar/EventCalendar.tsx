import type { EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import zhLocale from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { useTheme } from '@mui/material/styles';
import dayjs from 'dayjs';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { toLocalInput } from '../schema-ui/time';

/** Lectures have a start, not an end: shown as an hour and a half. */
const LECTURE_MINUTES = 90;

/**
 * Summits, lectures and signing ceremonies on one calendar, month or week, each kind in its
 * colour; a click opens the record. Times are Beijing wall-clock times, whatever the browser's
 * zone: the calendar runs in UTC and is handed Beijing times without a zone.
 */
export const EventCalendar = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const { palette } = useTheme();
  const colours = { summits: palette.primary.main, lectures: palette.success.main, ceremonies: palette.warning.main };

  const events = async ({ startStr, endStr }: EventSourceFuncArg): Promise<EventInput[]> => {
    const from = startStr.slice(0, 10);
    const to = endStr.slice(0, 10);
    const page = { page: 1, perPage: 1000 };
    const [summits, lectures, ceremonies] = await Promise.all([
      dataProvider.getList('summits', {
        filter: { startsOn_lte: to, endsOn_gte: from },
        pagination: page,
        sort: { field: 'startsOn', order: 'ASC' },
      }),
      dataProvider.getList('lectures', {
        filter: { startsAt_gte: from, startsAt_lte: to },
        pagination: page,
        sort: { field: 'startsAt', order: 'ASC' },
      }),
      dataProvider.getList('ceremonies', {
        filter: { heldOn_gte: from, heldOn_lte: to },
        pagination: page,
        sort: { field: 'heldOn', order: 'ASC' },
      }),
    ]);
    return [
      ...summits.data.map((s) => ({
        id: `summits/${s.id}`,
        title: String(s.name),
        start: s.startsOn,
        end: dayjs(s.endsOn).add(1, 'day').format('YYYY-MM-DD'), // all-day ends are exclusive
        allDay: true,
        color: colours.summits,
      })),
      ...lectures.data.map((l) => {
        const start = toLocalInput(l.startsAt);
        return {
          id: `lectures/${l.id}`,
          title: [l.title, l.speaker].filter(Boolean).join(' · '),
          start,
          end: dayjs(start).add(LECTURE_MINUTES, 'minute').format('YYYY-MM-DDTHH:mm'),
          color: colours.lectures,
        };
      }),
      ...ceremonies.data.map((c) => ({
        id: `ceremonies/${c.id}`,
        title: String(c.title),
        start: c.heldOn,
        allDay: true,
        color: colours.ceremonies,
      })),
    ];
  };

  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('huiwu.calendar.title')} />
      <Box sx={{ display: 'flex', gap: 2, mb: 1 }}>
        {(['summits', 'lectures', 'ceremonies'] as const).map((kind) => (
          <Box key={kind} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, fontSize: 14 }}>
            <Box sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: colours[kind] }} />
            {translate(`resources.${kind}.name`, { smart_count: 2 })}
          </Box>
        ))}
      </Box>
      <Card variant="outlined">
        <CardContent>
          <FullCalendar
            plugins={[dayGridPlugin, timeGridPlugin]}
            initialView="dayGridMonth"
            headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek' }}
            locales={[zhLocale]}
            locale={locale === 'zh' ? 'zh-cn' : 'en'}
            timeZone="UTC"
            firstDay={1}
            height="auto"
            events={events}
            eventClick={({ event, jsEvent }) => {
              jsEvent.preventDefault();
              navigate(`/${event.id}/show`);
            }}
          />
        </CardContent>
      </Card>
    </Box>
  );
};
