import Box from '@mui/material/Box';
import { useGetOne, useTranslate, type RaRecord } from 'react-admin';
import { PrintPage, Sheet } from './PrintPage';
import { CheckInQr } from '../checkin/QrCode';
import { usePrintGuests } from './usePrintGuests';

const Face = ({ guest, flipped }: { guest: RaRecord & { organization: string }; flipped: boolean }) => (
  <Box
    sx={{
      height: '105mm',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'center',
      alignItems: 'center',
      position: 'relative',
      transform: flipped ? 'rotate(180deg)' : undefined,
      borderBottom: flipped ? '1px dashed #bbb' : undefined,
    }}
  >
    <Box sx={{ fontSize: '66pt', fontWeight: 700, letterSpacing: '0.2em' }}>{guest.name}</Box>
    <Box sx={{ fontSize: '16pt', color: '#444' }}>{guest.organization}</Box>
    {/* on the face towards the guest: the session desks scan it at the table */}
    {!flipped && (
      <Box sx={{ position: 'absolute', right: '12mm', bottom: '8mm' }}>
        <CheckInQr code={guest.checkInCode} size="16mm" />
      </Box>
    )}
  </Box>
);

/** Table cards (桌签): one A4 landscape sheet each, folded along the middle into a tent; the
 * name reads the right way up on both faces. */
export const TableCardsPrint = () => {
  const translate = useTranslate();
  const { summitId, guests, loading } = usePrintGuests();
  const { data: summit } = useGetOne('summits', { id: summitId });
  if (loading) return null;
  return (
    <PrintPage title={`${summit?.name ?? ''} ${translate('huiwu.print.tableCards')}`} landscape>
      {guests.map((guest) => (
        <Sheet key={guest.id} landscape>
          <Box data-testid="table-card">
            <Face guest={guest} flipped />
            <Face guest={guest} flipped={false} />
          </Box>
        </Sheet>
      ))}
    </PrintPage>
  );
};
