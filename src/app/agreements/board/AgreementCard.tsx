import { Draggable } from '@hello-pangea/dnd';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useLocaleState, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDay, formatShortDay } from '../../schema-ui/time';
import { isOverdue } from '../status';
import type { Money } from '../../schema-ui/useMoney';

/** One agreement on the board: what, between whom, how much, who follows it, when next. */
export const AgreementCard = ({
  agreement,
  index,
  names,
  money,
  draggable,
}: {
  agreement: RaRecord;
  index: number;
  names: Map<unknown, string>;
  money: Money;
  draggable: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const overdue = isOverdue(agreement);
  return (
    <Draggable draggableId={String(agreement.id)} index={index} isDragDisabled={!draggable}>
      {(provided, snapshot) => (
        <Card
          ref={provided.innerRef}
          {...provided.draggableProps}
          {...provided.dragHandleProps}
          data-testid={`card-${agreement.id}`}
          aria-label={String(agreement.title)}
          variant="outlined"
          sx={{
            mb: 1,
            borderColor: overdue ? 'error.main' : undefined,
            boxShadow: snapshot.isDragging ? 4 : undefined,
          }}
        >
          <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Typography
              variant="body2"
              component={Link}
              to={`/agreements/${agreement.id}/show`}
              sx={{ fontWeight: 500, color: 'inherit', textDecoration: 'none', display: 'block' }}
            >
              {agreement.title}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {names.get(agreement.enterpriseId) ?? '…'} · {names.get(agreement.partnerId) ?? '…'}
            </Typography>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
              {agreement.amount != null && <Typography variant="caption">{money.format(agreement.amount)}</Typography>}
              <Typography variant="caption" color="text.secondary">
                {agreement.officer}
              </Typography>
              {agreement.nextFollowUpOn && (
                <Chip
                  size="small"
                  color={overdue ? 'error' : 'default'}
                  variant={overdue ? 'filled' : 'outlined'}
                  // one line: the short date (12月21日 this year) fits a column at 1440 px; the
                  // whole date on hover
                  title={formatDay(agreement.nextFollowUpOn, 'date', locale)}
                  label={`${translate(overdue ? 'huiwu.board.overdue' : 'huiwu.board.next')} ${formatShortDay(agreement.nextFollowUpOn, locale)}`}
                />
              )}
            </Box>
          </CardContent>
        </Card>
      )}
    </Draggable>
  );
};
