import Box from '@mui/material/Box';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { qrText } from '../../schema/checkinCode';

/** A guest's check-in code as a QR code (qrcode draws it, as a data: image the page's CSP
 * allows), with the code in letters below it for a desk without a scanner. */
export const CheckInQr = ({ code, size }: { code: unknown; size: string }) => {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (typeof code !== 'string' || !code) return;
    let current = true;
    // medium error correction: a badge folded or scuffed at a corner still reads
    void QRCode.toDataURL(qrText(code), { errorCorrectionLevel: 'M', margin: 1, width: 240 }).then(
      (url) => current && setSrc(url),
    );
    return () => {
      current = false;
    };
  }, [code]);
  if (typeof code !== 'string' || !code || !src) return null;
  return (
    <Box sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'center' }} data-testid="checkin-qr">
      <Box
        component="img"
        src={src}
        alt={qrText(code)}
        sx={{ width: size, height: size, imageRendering: 'pixelated' }}
      />
      <Box sx={{ fontSize: '8pt', fontFamily: 'monospace', letterSpacing: '0.1em' }}>{code}</Box>
    </Box>
  );
};
