import { resourceByName } from '../../schema';
import { SchemaList } from '../schema-ui/SchemaList';
import { LedgerButton } from './ledger/LedgerButton';

/** The agreements ledger as a grid, with the one-click ledger export for a period. */
export const AgreementList = () => <SchemaList resource={resourceByName.agreements} actions={<LedgerButton />} />;
