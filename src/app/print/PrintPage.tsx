import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { useGetOne, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';

/**
 * A print-ready page: A4 sheets on screen as on paper, a print button and a way back to the
 * summit, neither printed. The browser's print dialog turns it into paper or a PDF.
 */
export const PrintPage = ({
  title,
  landscape = false,
  children,
}: {
  title: string;
  landscape?: boolean;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const { id: summitId } = useParams();
  const { data: summit } = useGetOne('summits', { id: summitId }, { enabled: !!summitId });
  return (
    <Box sx={{ bgcolor: '#eee', minHeight: '100vh', py: 2, '@media print': { bgcolor: 'white', py: 0 } }}>
      <style>{`
        @page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 0; }
        @media print { body { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
      `}</style>
      <title>{title}</title>
      <Box sx={{ display: 'flex', alignItems: 'center', px: 2, mb: 2, '@media print': { display: 'none' } }}>
        {/* back as from the check-in desk: to the summit, by its name */}
        <Box sx={{ flex: 1 }}>
          {summitId && (
            <Button component={Link} to={`/summits/${summitId}/show`} startIcon={<ArrowBackIcon />}>
              {summit?.name ?? ''}
            </Button>
          )}
        </Box>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('huiwu.print.print', { title })}
        </Button>
        <Box sx={{ flex: 1 }} />
      </Box>
      {children}
    </Box>
  );
};

/** One sheet of A4 paper. */
export const Sheet = ({ landscape = false, children }: { landscape?: boolean; children: ReactNode }) => (
  <Box
    className="sheet"
    sx={{
      width: landscape ? '297mm' : '210mm',
      height: landscape ? '210mm' : '297mm',
      mx: 'auto',
      mb: 2,
      bgcolor: 'white',
      boxShadow: 2,
      overflow: 'hidden',
      boxSizing: 'border-box',
      // a break between sheets, none after the last (it printed a blank page)
      '& + .sheet': { breakBefore: 'page' },
      '@media print': { boxShadow: 'none', mb: 0 },
    }}
  >
    {children}
  </Box>
);

/** Each role's colour on badges: academicians gold, officials red, the press purple… */
export const ROLE_COLOURS: Record<string, string> = {
  academician: '#b8860b',
  expert: '#1565c0',
  entrepreneur: '#2e7d32',
  official: '#c62828',
  media: '#6a1b9a',
  staff: '#546e7a',
  guest: '#00838f',
};

/** A list cut into pieces of `size` (eight badges to a sheet). */
export const chunks = <T,>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
