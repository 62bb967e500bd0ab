import { Droppable } from '@hello-pangea/dnd';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { listLink } from '../../dashboard/Figure';
import { AgreementCard } from './AgreementCard';
import type { Money } from '../../schema-ui/useMoney';

/** One status: its count and total amount (for every matching agreement, from the server),
 * then the cards, soonest follow-up first. */
export const BoardColumn = ({
  status,
  filter,
  cards,
  count,
  sum,
  names,
  money,
  draggable,
}: {
  status: string;
  filter: Record<string, unknown>;
  cards: RaRecord[];
  count: number;
  sum: number;
  names: Map<unknown, string>;
  money: Money;
  draggable: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Paper
      variant="outlined"
      // six columns share a 1440 px window; narrower, the board scrolls sideways
      sx={{
        flex: '1 0 0',
        minWidth: 180,
        boxSizing: 'border-box',
        bgcolor: 'grey.100',
        display: 'flex',
        flexDirection: 'column',
      }}
      data-testid={`column-${status}`}
      aria-label={translate(`enums.agreementStatus.${status}`)}
      role="region"
    >
      <Box
        sx={{
          p: 1,
          borderBottom: 1,
          borderColor: 'divider',
          position: 'sticky',
          top: 0,
          zIndex: 1,
          bgcolor: 'grey.100',
        }}
      >
        <Typography variant="subtitle2">
          {translate(`enums.agreementStatus.${status}`)} <span data-testid={`count-${status}`}>{count}</span>
        </Typography>
        <Typography variant="caption" color="text.secondary" data-testid={`sum-${status}`}>
          {money.format(sum)}
        </Typography>
      </Box>
      <Droppable droppableId={status}>
        {(provided, snapshot) => (
          <Box
            ref={provided.innerRef}
            {...provided.droppableProps}
            sx={{ p: 1, flex: 1, minHeight: 120, bgcolor: snapshot.isDraggingOver ? 'action.selected' : undefined }}
          >
            {cards.map((agreement, index) => (
              <AgreementCard
                key={agreement.id}
                agreement={agreement}
                index={index}
                names={names}
                money={money}
                draggable={draggable}
              />
            ))}
            {provided.placeholder}
            {count > cards.length && (
              <Typography
                variant="caption"
                component={Link}
                to={listLink('agreements', { ...filter, status: [status] })}
                sx={{ display: 'block', textAlign: 'center' }}
              >
                {translate('huiwu.board.more', { smart_count: count - cards.length })}
              </Typography>
            )}
          </Box>
        )}
      </Droppable>
    </Paper>
  );
};
