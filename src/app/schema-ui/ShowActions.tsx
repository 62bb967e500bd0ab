import type { ReactNode } from 'react';
import { DeleteButton, EditButton, TopToolbar } from 'react-admin';
import { CascadeDeleteButton } from './CascadeDeleteButton';

export const ShowActions = ({ extra }: { extra?: ReactNode }) => (
  <TopToolbar>
    {extra}
    <EditButton />
    <DeleteButton mutationMode="pessimistic" />
    <CascadeDeleteButton />
  </TopToolbar>
);
