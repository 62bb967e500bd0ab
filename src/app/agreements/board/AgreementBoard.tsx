import { DragDropContext, type DropResult } from '@hello-pangea/dnd';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import {
  Title,
  useGetIdentity,
  useGetList,
  useGetMany,
  useLocaleState,
  useNotify,
  usePermissions,
  useRefresh,
  useStore,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { allowedMoves, allows, childFieldFor, enums, resourceByName, type Lang } from '../../../schema';
import { reasonText } from '../../../schema/messages';
import { useAggregate } from '../../providers/useAggregate';
import { AddChildDialog } from '../../schema-ui/AddChildDialog';
import { BoardColumn } from './BoardColumn';
import { BoardFilters, type BoardFilter } from './BoardFilters';
import { useMoney } from '../../schema-ui/useMoney';

const agreements = resourceByName.agreements;
const followups = resourceByName.followups;
const STATUSES = enums.agreementStatus.map((o) => o.id);
/** cards drawn per column; the header counts all, and a link opens the rest as a list */
const CARDS = 50;

/** The board's choices as a list filter (the summit through its ceremonies). */
function useApiFilter(filter: BoardFilter) {
  const { data: ceremonies } = useGetList(
    'ceremonies',
    { filter: { summitId: filter.summitId }, pagination: { page: 1, perPage: 1000 } },
    { enabled: filter.summitId !== undefined },
  );
  const api: Record<string, unknown> = {};
  if (filter.officer) api.officer = filter.officer;
  if (filter.industry) api.industry = [filter.industry];
  if (filter.year) Object.assign(api, { signedOn_gte: `${filter.year}-01-01`, signedOn_lte: `${filter.year}-12-31` });
  if (filter.summitId !== undefined) api.ceremonyId = (ceremonies ?? []).map((c) => c.id);
  return { api, ready: filter.summitId === undefined || ceremonies !== undefined };
}

/**
 * The pipeline: a column per status with its count and amount, a card per agreement. Dragging
 * a card to another column opens the follow-up form with that status chosen: a status only
 * moves with a follow-up, and only where the lifecycle allows.
 */
export const AgreementBoard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions: role } = usePermissions();
  const canMove = allows(role, resourceByName.followups, 'write');
  const { identity } = useGetIdentity();
  const [filter, setFilter] = useStore<BoardFilter>(`huiwu.board.${identity?.username ?? 'anonymous'}.filter`, {});
  const { api, ready } = useApiFilter(filter);
  const totals = useAggregate('agreements', { filter: api, groupBy: 'status', sum: 'amount' }, ready);
  // one query per column, in the fixed order of the statuses
  const columns = STATUSES.map((status) =>
    // eslint-disable-next-line react-hooks/rules-of-hooks -- STATUSES never changes
    useGetList(
      'agreements',
      {
        filter: { ...api, status: [status] },
        sort: { field: 'nextFollowUpOn', order: 'ASC' },
        pagination: { page: 1, perPage: CARDS },
      },
      { enabled: ready },
    ),
  );
  const cards = columns.flatMap((c) => c.data ?? []);
  const orgIds = [...new Set(cards.flatMap((a) => [a.enterpriseId, a.partnerId]).filter((id) => id != null))];
  const { data: orgs } = useGetMany('organizations', { ids: orgIds }, { enabled: orgIds.length > 0 });
  const names = useMemo(() => new Map((orgs ?? []).map((o) => [o.id, String(o.name)])), [orgs]);
  const money = useMoney();
  const [moving, setMoving] = useState<{ agreement: RaRecord; to: string } | null>(null);

  const onDragEnd = ({ draggableId, source, destination }: DropResult) => {
    if (!destination || destination.droppableId === source.droppableId) return;
    const agreement = cards.find((a) => String(a.id) === draggableId);
    if (!agreement) return;
    const from = String(agreement.status);
    const to = destination.droppableId;
    // where the lifecycle lets a follow-up move it: the rule the dialog and the server apply
    const allowed = allowedMoves(followups, agreements, agreement)[childFieldFor(followups, 'status')!] ?? [];
    if (!allowed.includes(to)) {
      // the same words the server would use
      const label = (id: string) => enums.agreementStatus.find((o) => o.id === id)!.label;
      notify(
        reasonText(
          {
            code: 'badMove',
            from: label(from),
            to: label(to),
            allowed: allowed.map(label),
          },
          locale as Lang,
        ),
        { type: 'warning' },
      );
      return;
    }
    setMoving({ agreement, to });
  };

  const group = (status: string) => totals.data?.groups?.find((g) => g.key === status);
  return (
    // the board fills the window under the app bar and scrolls itself, both ways, so its
    // scrollbars are in view and the column headers stay put
    <Box
      sx={{ py: 2, height: 'calc(100dvh - 48px)', boxSizing: 'border-box', display: 'flex', flexDirection: 'column' }}
    >
      <Title title="huiwu.board.title" />
      <BoardFilters value={filter} onChange={setFilter} />
      {totals.data && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="board-total">
          {translate('huiwu.board.total', { count: totals.data.count, amount: money.format(totals.data.sum ?? 0) })}
        </Typography>
      )}
      <DragDropContext onDragEnd={onDragEnd}>
        <Box data-testid="board" sx={{ overflow: 'auto', flex: 1, minHeight: 0 }}>
          {/* a row as tall as the longest column, so every column stretches to it and its sticky
              header has the whole scroll height to stick in (a flex row inside the scroller
              itself is only as tall as the window, and a short column took its header away) */}
          <Box sx={{ display: 'flex', gap: 1, minHeight: '100%', minWidth: 'min-content' }}>
            {STATUSES.map((status, i) => (
              <BoardColumn
                key={status}
                status={status}
                filter={api}
                cards={columns[i].data ?? []}
                count={group(status)?.count ?? 0}
                sum={group(status)?.sum ?? 0}
                names={names}
                money={money}
                draggable={canMove}
              />
            ))}
          </Box>
        </Box>
      </DragDropContext>
      {moving && (
        <AddChildDialog
          child={resourceByName.followups}
          parentResource={agreements}
          parent={moving.agreement}
          preset={{ statusAfter: moving.to }}
          onClose={() => setMoving(null)}
          onDone={refresh}
        />
      )}
    </Box>
  );
};
