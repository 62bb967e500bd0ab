import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useGetList, useGetMany, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useMoney } from '../schema-ui/useMoney';

/** The agreements signed at this summit's ceremonies. */
export const SummitAgreements = () => {
  const summit = useRecordContext();
  const translate = useTranslate();
  const { data: ceremonies } = useGetList(
    'ceremonies',
    { filter: { summitId: summit?.id }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!summit },
  );
  const ceremonyIds = (ceremonies ?? []).map((c) => c.id);
  const { data: agreements } = useGetList(
    'agreements',
    {
      filter: { ceremonyId: ceremonyIds },
      sort: { field: 'signedOn', order: 'ASC' },
      pagination: { page: 1, perPage: 500 },
    },
    { enabled: ceremonies !== undefined },
  );
  const orgIds = [...new Set((agreements ?? []).flatMap((a) => [a.enterpriseId, a.partnerId]))];
  const { data: orgs } = useGetMany('organizations', { ids: orgIds }, { enabled: orgIds.length > 0 });
  const name = (id: unknown) => String(orgs?.find((o) => o.id === id)?.name ?? '');
  const money = useMoney();
  if (!agreements) return null;
  if (agreements.length === 0)
    return <Typography color="text.secondary">{translate('huiwu.empty.summitAgreements')}</Typography>;
  const field = (f: string) => translate(`resources.agreements.fields.${f}`);
  return (
    <Table size="small" aria-label={translate('huiwu.summit.agreements')}>
      <TableHead>
        <TableRow>
          {['title', 'enterpriseId', 'partnerId', 'amount', 'status', 'officer'].map((f) => (
            <TableCell key={f}>{field(f)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {agreements.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <Link to={`/agreements/${a.id}/show`}>{a.title}</Link>
            </TableCell>
            <TableCell>{name(a.enterpriseId)}</TableCell>
            <TableCell>{name(a.partnerId)}</TableCell>
            <TableCell>{a.amount == null ? '' : money.format(a.amount)}</TableCell>
            <TableCell>{translate(`enums.agreementStatus.${a.status}`)}</TableCell>
            <TableCell>{a.officer}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
