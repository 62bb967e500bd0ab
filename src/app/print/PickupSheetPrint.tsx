import Box from '@mui/material/Box';
import { useGetOne, useTranslate } from 'react-admin';
import { toLocalInput } from '../schema-ui/time';
import { PrintPage, Sheet } from './PrintPage';
import { usePrintGuests } from './usePrintGuests';

/** One driver's pick-ups, in time order, for the glovebox: when, where, whom, which train. */
export const PickupSheetPrint = () => {
  const translate = useTranslate();
  const { summitId, guests, loading, params } = usePrintGuests();
  const { data: summit } = useGetOne('summits', { id: summitId });
  const driver = params.get('driver') ?? '';
  if (loading) return null;
  const trips = guests
    .filter((g) => g.pickupBy === driver && g.arrivalAt)
    .sort((a, b) => String(a.arrivalAt).localeCompare(String(b.arrivalAt)));
  const cars = [...new Set(trips.map((t) => t.pickupCar).filter(Boolean))].join('、');
  const title = `${summit?.name ?? ''} ${translate('huiwu.print.pickups')} · ${driver}`;
  const cell = { border: '1px solid #999', padding: '2mm', fontSize: '11pt' };
  return (
    <PrintPage title={title}>
      <Sheet>
        <Box sx={{ p: '15mm' }}>
          <Box sx={{ fontSize: '18pt', fontWeight: 700, textAlign: 'center' }}>{title}</Box>
          <Box sx={{ textAlign: 'center', mb: '5mm' }}>
            {cars && `${translate('resources.attendees.fields.pickupCar')}：${cars} · `}
            {translate('huiwu.arrivals.people', { smart_count: trips.length })}
          </Box>
          <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={title}>
            <thead>
              <tr>
                {['arrivalAt', 'arrivalStation', 'name', 'arrivalNumber', 'phone', 'hotel'].map((f) => (
                  <th key={f} style={cell}>
                    {translate(`resources.attendees.fields.${f}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trips.map((t) => (
                <tr key={t.id}>
                  <td style={cell}>{toLocalInput(t.arrivalAt).replace('T', ' ')}</td>
                  <td style={cell}>{t.arrivalStation ?? ''}</td>
                  <td style={cell}>{t.name}</td>
                  <td style={cell}>{t.arrivalNumber ?? ''}</td>
                  <td style={cell}>{t.phone ?? ''}</td>
                  <td style={cell}>{t.hotel ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      </Sheet>
    </PrintPage>
  );
};
