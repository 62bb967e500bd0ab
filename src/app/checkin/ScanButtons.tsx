import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { decodeFrame, decodePhoto } from './decodeQr';

/**
 * Scanning without a barcode scanner: the camera, live, where the browser allows it (over
 * HTTPS or on localhost); and everywhere, a photo of the badge taken through the file input,
 * which a phone opens as its camera — the only way on a plain-HTTP address such as
 * http://192.168.1.20, where browsers refuse the camera to pages.
 */
export const ScanButtons = ({ onScan }: { onScan: (text: string) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [live, setLive] = useState(false);
  const camera = typeof window !== 'undefined' && window.isSecureContext && !!navigator.mediaDevices?.getUserMedia;
  const photo = async (file: File | undefined) => {
    if (!file) return;
    const text = await decodePhoto(file).catch(() => null);
    if (text) onScan(text);
    else notify('huiwu.checkin.noQr', { type: 'warning' });
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, mb: 2, flexWrap: 'wrap' }}>
      <Button component="label" variant="outlined" startIcon={<PhotoCameraIcon />}>
        {translate('huiwu.checkin.photo')}
        <input
          hidden
          type="file"
          accept="image/*"
          capture="environment"
          data-testid="checkin-photo"
          onChange={(e) => {
            void photo(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </Button>
      {camera && (
        <Button variant="outlined" startIcon={<QrCodeScannerIcon />} onClick={() => setLive(true)}>
          {translate('huiwu.checkin.camera')}
        </Button>
      )}
      {live && (
        <LiveScan
          onClose={() => setLive(false)}
          onScan={(text) => {
            setLive(false);
            onScan(text);
          }}
        />
      )}
    </Box>
  );
};

/** The camera's picture, read four times a second until a QR code shows. */
const LiveScan = ({ onScan, onClose }: { onScan: (text: string) => void; onClose: () => void }) => {
  const translate = useTranslate();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  // the camera opens once, whatever the page around it re-renders
  const scanned = useRef(onScan);
  scanned.current = onScan;
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((media) => {
        stream = media;
        if (!video.current) return;
        video.current.srcObject = media;
        void video.current.play();
        timer = setInterval(() => {
          const text = video.current && decodeFrame(video.current);
          if (text) scanned.current(text);
        }, 250);
      })
      .catch(() => setFailed(true));
    return () => {
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('huiwu.checkin.camera')}</DialogTitle>
      <DialogContent>
        {failed ? (
          translate('huiwu.checkin.noCamera')
        ) : (
          <Box component="video" ref={video} muted playsInline sx={{ width: '100%' }} />
        )}
      </DialogContent>
    </Dialog>
  );
};
