import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import {
  Button,
  CreateBase,
  SaveButton,
  Toolbar,
  useLocaleState,
  useNotify,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import {
  allowedMoves,
  beijingDay,
  childDefaults,
  parentLink,
  requiredForParent,
  type Lang,
  type ResourceDef,
} from '../../schema';
import { SchemaForm } from './SchemaForm';

/**
 * A small form for a record that moves its parent: a follow-up that records a visit and
 * moves its agreement on (a new status, the next follow-up day). It starts from the
 * agreement (its officer, today) and offers only the moves the agreement's lifecycle allows.
 * The grid's status cell, the board's drag and the agreement page all open it.
 */
export const AddChildDialog = ({
  child,
  parentResource,
  parent,
  preset,
  onClose,
  onDone,
}: {
  child: ResourceDef;
  parentResource: ResourceDef;
  parent: RaRecord;
  /** values chosen already (the column a card was dropped on) */
  preset?: Record<string, unknown>;
  onClose: () => void;
  onDone?: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const link = parentLink(child);
  const record = childDefaults(child, parentResource, parent, beijingDay(), preset);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="add-child-title">
      <DialogTitle id="add-child-title">
        {translate('huiwu.child.title', {
          child: child.singular[locale as Lang],
          parent: String(parent[parentResource.titleField] ?? ''),
        })}
      </DialogTitle>
      <DialogContent sx={{ p: 0 }}>
        <CreateBase
          resource={child.name}
          record={record}
          redirect={false}
          mutationOptions={{
            onSuccess: () => {
              notify('huiwu.child.saved', { type: 'success', messageArgs: { child: child.singular[locale as Lang] } });
              onDone?.();
              onClose();
            },
          }}
        >
          <SchemaForm
            resource={child}
            omit={link ? [link.source] : []}
            only={allowedMoves(child, parentResource, parent)}
            alsoRequired={(values) => requiredForParent(child, parentResource, parent, values)}
            toolbar={
              <Toolbar sx={{ justifyContent: 'space-between' }}>
                <Button label="ra.action.cancel" onClick={onClose} />
                <SaveButton alwaysEnable />
              </Toolbar>
            }
          />
        </CreateBase>
      </DialogContent>
    </Dialog>
  );
};
