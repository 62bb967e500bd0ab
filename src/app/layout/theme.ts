import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's theme with a deep official blue (the app bar takes the secondary colour), and
 * fonts that have Chinese glyphs. Buttons and tabs read as written, in sentence case like the
 * menus and the grid (MUI's default writes them in capitals: "ADD GUEST"). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1f4e8c' }, secondary: { main: '#1f4e8c' } },
  typography: {
    fontFamily: [
      '-apple-system',
      'BlinkMacSystemFont',
      '"Segoe UI"',
      '"PingFang SC"',
      '"Hiragino Sans GB"',
      '"Microsoft YaHei"',
      '"WenQuanYi Zen Hei"',
      'Roboto',
      'sans-serif',
    ].join(','),
    button: { textTransform: 'none' },
  },
};
