import HistoryIcon from '@mui/icons-material/History';
import HotTubIcon from '@mui/icons-material/HotTub';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useAuthenticated, useDefaultTitle, useTranslate } from 'ra-core';
import { Loading, Title } from 'ra-ui-materialui';

/** Ends a sentence with a full stop unless it has one (Chinese has its own: 。). */
export const withFullStop = (sentence: string) => (/[。．！？.!?]$/.test(sentence) ? sentence : `${sentence}.`);

/**
 * react-admin's 404 page, as it looks, but its message keeps the full stop it has: react-admin
 * adds "." after the translated sentence, which in Chinese read "…链接。.".
 */
export const NotFound = () => {
  const translate = useTranslate();
  const { isPending } = useAuthenticated();
  const title = useDefaultTitle();
  if (isPending) return <Loading />;
  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        height: { xs: '100vh', md: '100%' },
        mt: { xs: '-3em', md: 0 },
      }}
    >
      <Title defaultTitle={title} />
      <Box sx={{ textAlign: 'center', opacity: 0.5, mx: '1em' }}>
        <HotTubIcon sx={{ width: '9em', height: '9em' }} />
        <h1>{translate('ra.page.not_found')}</h1>
        <div>{withFullStop(translate('ra.message.not_found'))}</div>
      </Box>
      <Box sx={{ textAlign: 'center', mt: '2em' }}>
        <Button variant="contained" startIcon={<HistoryIcon />} onClick={() => window.history.go(-1)}>
          {translate('ra.action.back')}
        </Button>
      </Box>
    </Box>
  );
};
