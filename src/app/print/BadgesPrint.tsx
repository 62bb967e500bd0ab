import Box from '@mui/material/Box';
import { useGetOne, useTranslate } from 'react-admin';
import { chunks, PrintPage, ROLE_COLOURS, Sheet } from './PrintPage';
import { CheckInQr } from '../checkin/QrCode';
import { usePrintGuests } from './usePrintGuests';

/** Name badges, eight to an A4 sheet (2 × 4, 95 × 69 mm): role colour, name, organization, and
 * the QR code the desk scans. */
export const BadgesPrint = () => {
  const translate = useTranslate();
  const { summitId, guests, loading } = usePrintGuests();
  const { data: summit } = useGetOne('summits', { id: summitId });
  if (loading) return null;
  return (
    <PrintPage title={`${summit?.name ?? ''} ${translate('huiwu.print.badges')}`}>
      {chunks(guests, 8).map((page, p) => (
        <Sheet key={p}>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: '95mm 95mm',
              gridAutoRows: '69mm',
              gap: 0,
              p: '10mm',
              boxSizing: 'border-box',
            }}
          >
            {page.map((guest) => (
              <Box
                key={guest.id}
                data-testid="badge"
                sx={{ border: '1px dashed #bbb', display: 'flex', flexDirection: 'column', textAlign: 'center' }}
              >
                <Box
                  sx={{ bgcolor: ROLE_COLOURS[guest.role] ?? '#607d8b', color: 'white', py: '2mm', fontSize: '11pt' }}
                >
                  {summit?.name} · {translate(`enums.attendeeRole.${guest.role}`, { _: '' })}
                </Box>
                <Box sx={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', px: '4mm' }}>
                  <Box sx={{ fontSize: '30pt', fontWeight: 700, letterSpacing: '0.1em' }}>{guest.name}</Box>
                  <Box sx={{ fontSize: '12pt', mt: '2mm' }}>{guest.organization}</Box>
                  <Box sx={{ fontSize: '10pt', color: '#555' }}>{guest.title ?? ''}</Box>
                </Box>
                <Box sx={{ pb: '2mm' }}>
                  <CheckInQr code={guest.checkInCode} size="18mm" />
                </Box>
              </Box>
            ))}
          </Box>
        </Sheet>
      ))}
    </PrintPage>
  );
};
