import { DeleteButton, EditButton, TopToolbar } from 'react-admin';
import { CascadeDeleteButton } from './CascadeDeleteButton';

export const ShowActions = () => (
  <TopToolbar>
    <EditButton />
    <DeleteButton mutationMode="pessimistic" />
    <CascadeDeleteButton />
  </TopToolbar>
);
