import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import Box from '@mui/material/Box';
import { Link, useNavigate } from 'react-router-dom';

/** Present for screen readers, not drawn. In pixels: MUI reads a bare 1 as 100%, which
 * stretched the page by the lists' full size. */
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * A bar chart whose bars open the list behind them (agreements of that status, that industry,
 * that month). Under the bars, the same figures as links, for keyboards and screen readers.
 */
export const LinkedBarChart = ({
  title,
  bars,
  format = (v) => String(v),
  horizontal = false,
  testId,
}: {
  title: string;
  bars: { label: string; value: number; to: string }[];
  format?: (value: number) => string;
  horizontal?: boolean;
  testId: string;
}) => {
  const navigate = useNavigate();
  const labels = bars.map((b) => b.label);
  const band = { scaleType: 'band' as const, data: labels };
  return (
    <Card variant="outlined" sx={{ flex: '1 1 420px', minWidth: 0, position: 'relative' }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6">{title}</Typography>
        <BarChart
          height={horizontal ? Math.max(200, 28 * bars.length + 40) : 260}
          layout={horizontal ? 'horizontal' : 'vertical'}
          series={[{ data: bars.map((b) => b.value), valueFormatter: (v) => format(v ?? 0) }]}
          {...(horizontal
            ? { yAxis: [{ ...band, width: 170 }], xAxis: [{ valueFormatter: (v: number) => format(v) }] }
            : { xAxis: [band], yAxis: [{ valueFormatter: (v: number) => format(v), width: 60 }] })}
          onItemClick={(_, item) => bars[item.dataIndex] && navigate(bars[item.dataIndex].to)}
          hideLegend
          margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
          sx={{ '& .MuiBarChart-element': { cursor: 'pointer' } }}
        />
        {/* the same bars as links, for keyboards and screen readers (the chart is a picture) */}
        <Box component="ul" sx={visuallyHidden}>
          {bars.map((bar) => (
            <li key={bar.to}>
              <Link to={bar.to}>{`${bar.label}: ${format(bar.value)}`}</Link>
            </li>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};
