import type { Theme as GridTheme } from '@glideapps/glide-data-grid';
import type { Theme } from '@mui/material/styles';

/** The grid in the app's MUI colours and fonts, so it sits naturally inside react-admin. */
export const gridTheme = (theme: Theme): Partial<GridTheme> => ({
  accentColor: theme.palette.primary.main,
  accentLight: 'rgba(31, 78, 140, 0.12)',
  textDark: theme.palette.text.primary,
  textMedium: theme.palette.text.secondary,
  textHeader: theme.palette.text.primary,
  bgHeader: theme.palette.grey[100],
  bgHeaderHovered: theme.palette.grey[200],
  borderColor: theme.palette.divider,
  fontFamily: String(theme.typography.fontFamily),
  baseFontStyle: '14px',
  headerFontStyle: '600 13px',
  editorFontSize: '14px',
  cellHorizontalPadding: 10,
});

/** Cells being saved, and cells the server refused. */
export const savingTheme = { bgCell: '#fff8e1' };
export const refusedTheme = { bgCell: '#fdecea', textDark: '#b3261e' };

/** The empty row under the last one, and its required cells still empty once typing began. */
export const newRowTheme = { bgCell: '#f7f9fc' };
export const missingTheme = { bgCell: '#fff4e5', textDark: '#9a6b1f' };
