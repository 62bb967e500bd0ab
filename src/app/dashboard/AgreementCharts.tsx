import Box from '@mui/material/Box';
import dayjs from 'dayjs';
import { useGetMany, useLocaleState, useTranslate } from 'react-admin';
import { enums } from '../../schema';
import { useAggregate } from '../providers/useAggregate';
import { listLink } from './Figure';
import { LinkedBarChart } from './LinkedBarChart';
import { useMoney } from '../schema-ui/useMoney';

/** Agreements by status, signings per month over two years, amount by industry, and the
 * partner institutions with the most agreements; each bar opens its agreements. Two to a row,
 * charts of one shape side by side (the columns, then the bars), so none stands in a card
 * stretched empty beside a taller one, whether the menu is open or not. */
export const AgreementCharts = ({ since }: { since: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = useMoney();
  const byStatus = useAggregate('agreements', { groupBy: 'status' });
  const byIndustry = useAggregate('agreements', { groupBy: 'industry', sum: 'amount' });
  const byMonth = useAggregate('agreements', { groupBy: 'signedOn:month', filter: { signedOn_gte: since } });
  const topPartners = useAggregate('agreements', { groupBy: 'partnerId', top: 10 });
  const partnerIds = (topPartners.data?.groups ?? []).map((g) => g.key as number);
  const { data: partners } = useGetMany('organizations', { ids: partnerIds }, { enabled: partnerIds.length > 0 });

  const count = (groups: { key: unknown; count: number }[] | undefined, key: unknown) =>
    groups?.find((g) => g.key === key)?.count ?? 0;
  const months = Array.from({ length: 24 }, (_, i) => dayjs(since).add(i, 'month'));
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}
    >
      <LinkedBarChart
        testId="chart-status"
        title={translate('huiwu.dashboard.byStatus')}
        bars={enums.agreementStatus.map((status) => ({
          label: status.label[locale as 'zh' | 'en'],
          value: count(byStatus.data?.groups, status.id),
          to: listLink('agreements', { status: [status.id] }),
        }))}
      />
      <LinkedBarChart
        testId="chart-months"
        title={translate('huiwu.dashboard.byMonth')}
        bars={months.map((month) => ({
          label: month.format('YY/MM'),
          value: count(byMonth.data?.groups, month.format('YYYY-MM')),
          to: listLink('agreements', {
            signedOn_gte: month.format('YYYY-MM-DD'),
            signedOn_lte: month.endOf('month').format('YYYY-MM-DD'),
          }),
        }))}
      />
      <LinkedBarChart
        testId="chart-industry"
        title={translate('huiwu.dashboard.byIndustry')}
        horizontal
        format={(v) => money.format(v)}
        bars={(byIndustry.data?.groups ?? [])
          .filter((g) => g.key !== null)
          .sort((a, b) => (b.sum ?? 0) - (a.sum ?? 0))
          .map((g) => ({
            label: translate(`enums.industry.${g.key}`),
            value: g.sum ?? 0,
            to: listLink('agreements', { industry: [g.key] }),
          }))}
      />
      <LinkedBarChart
        testId="chart-partners"
        title={translate('huiwu.dashboard.topPartners')}
        horizontal
        bars={(topPartners.data?.groups ?? []).map((g) => ({
          label: String(partners?.find((p) => p.id === g.key)?.name ?? `#${g.key}`),
          value: g.count,
          to: listLink('agreements', { partnerId: g.key }),
        }))}
      />
    </Box>
  );
};
