import PrintIcon from '@mui/icons-material/Print';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Button,
  useLocaleState,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
  type RaRecord,
} from 'react-admin';
import { allows, resourceByName } from '../../../schema';
import { byPinyin } from '../../../schema/text/collate';
import { toLocalInput } from '../../schema-ui/time';
import { usePickupPlan } from './usePickupPlan';

/** Who picks a guest up, typed in place: saved when the field is left. */
const AssignCell = ({ guest, editable }: { guest: RaRecord; editable: boolean }) => {
  const translate = useTranslate();
  const [value, setValue] = useState(String(guest.pickupBy ?? ''));
  const [update] = useUpdate();
  const refresh = useRefresh();
  const notify = useNotify();
  if (!editable) return <>{guest.pickupBy ?? ''}</>;
  return (
    <TextField
      size="small"
      variant="standard"
      value={value}
      placeholder={translate('huiwu.arrivals.assign')}
      slotProps={{ htmlInput: { 'aria-label': translate('huiwu.arrivals.assignFor', { name: guest.name }) } }}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => {
        if (value.trim() === String(guest.pickupBy ?? '')) return;
        update(
          'attendees',
          { id: guest.id, data: { pickupBy: value.trim() || null }, previousData: guest },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => refresh(),
            onError: (error) => notify((error as Error).message, { type: 'error' }),
          },
        );
      }}
      sx={{ minWidth: 100 }}
    />
  );
};

/**
 * A summit's arrivals: what needs doing first (guests nobody meets, drivers due at two
 * stations at once), then the pick-ups by day, station and hour. A driver's sheet prints.
 */
export const ArrivalsView = () => {
  const summit = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions: role } = usePermissions();
  const editable = allows(role, resourceByName.attendees, 'write');
  const { data: plan, isPending } = usePickupPlan(summit?.id);
  if (!summit || isPending || !plan) return null;
  const byId = new Map(plan.guests.map((g) => [g.id, g]));
  const name = (id: unknown) => String(byId.get(id as RaRecord['id'])?.name ?? '');
  const time = (id: unknown) => toLocalInput(byId.get(id as RaRecord['id'])?.arrivalAt).slice(11);
  const drivers = [...new Set(plan.guests.map((g) => g.pickupBy).filter(Boolean) as string[])].sort(byPinyin);
  const conflicted = new Set(plan.conflicts.flatMap((c) => c.ids));
  return (
    <Box sx={{ width: '100%' }}>
      {plan.unassigned.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="arrivals-unassigned">
          {translate('huiwu.arrivals.unassigned', { smart_count: plan.unassigned.length })}
          {plan.unassigned.map((id) => name(id)).join('、')}
        </Alert>
      )}
      {plan.conflicts.length > 0 && (
        // one alert for all clashes, scrolling: a busy day has dozens
        <Alert severity="error" sx={{ mb: 1, '& .MuiAlert-message': { width: '100%' } }}>
          {translate('huiwu.arrivals.clashes', { smart_count: plan.conflicts.length })}
          <Box component="ul" sx={{ m: 0, pl: 2, maxHeight: 160, overflowY: 'auto' }}>
            {plan.conflicts.map((conflict) => (
              <li key={conflict.ids.join('-')} data-testid="arrivals-conflict">
                {translate('huiwu.arrivals.conflict', {
                  driver: conflict.driver,
                  first: `${name(conflict.ids[0])} ${time(conflict.ids[0])} ${byId.get(conflict.ids[0])?.arrivalStation ?? ''}`,
                  second: `${name(conflict.ids[1])} ${time(conflict.ids[1])} ${byId.get(conflict.ids[1])?.arrivalStation ?? ''}`,
                })}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {drivers.length > 0 && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', my: 1 }}>
          <Typography variant="body2">{translate('huiwu.arrivals.driverSheets')}</Typography>
          {drivers.map((driver) => (
            <Button
              key={driver}
              label={driver}
              component="a"
              {...{
                href: `#/summits/${summit.id}/print/pickups?driver=${encodeURIComponent(driver)}`,
                target: '_blank',
              }}
            >
              <PrintIcon />
            </Button>
          ))}
        </Box>
      )}
      {plan.groups.length === 0 && <Typography color="text.secondary">{translate('huiwu.arrivals.none')}</Typography>}
      <Table size="small" aria-label={translate('huiwu.arrivals.title')}>
        <TableHead>
          <TableRow>
            {['time', 'name', 'mode', 'number', 'phone', 'pickupBy', 'pickupCar'].map((key) => (
              <TableCell key={key}>
                {translate(
                  `resources.attendees.fields.${key === 'time' ? 'arrivalAt' : key === 'mode' ? 'arrivalMode' : key === 'number' ? 'arrivalNumber' : key}`,
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.groups.map((group) => [
            <TableRow key={`${group.day}-${group.station}-${group.hour}`} sx={{ bgcolor: 'action.hover' }}>
              <TableCell colSpan={7} sx={{ fontWeight: 500 }}>
                {group.day} · {group.station || translate('huiwu.arrivals.noStation')} · {group.hour} ·{' '}
                {translate('huiwu.arrivals.people', { smart_count: group.ids.length })}
              </TableCell>
            </TableRow>,
            ...group.ids.map((id) => {
              const guest = byId.get(id)!;
              return (
                <TableRow key={id} data-guest={guest.name}>
                  <TableCell>{time(id)}</TableCell>
                  <TableCell>
                    {guest.name}
                    {conflicted.has(id) && (
                      <Chip
                        size="small"
                        color="error"
                        icon={<WarningAmberIcon />}
                        label={translate('huiwu.arrivals.clash')}
                        sx={{ ml: 1 }}
                      />
                    )}
                  </TableCell>
                  <TableCell>{translate(`enums.arrivalMode.${guest.arrivalMode}`, { _: '' })}</TableCell>
                  <TableCell>{guest.arrivalNumber ?? ''}</TableCell>
                  <TableCell>{guest.phone ?? ''}</TableCell>
                  <TableCell>
                    <AssignCell key={String(guest.pickupBy)} guest={guest} editable={editable} />
                  </TableCell>
                  <TableCell>{guest.pickupCar ?? ''}</TableCell>
                </TableRow>
              );
            }),
          ])}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        {translate('huiwu.arrivals.hint', { locale })}
      </Typography>
    </Box>
  );
};
