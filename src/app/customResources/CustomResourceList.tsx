import { resourceByName } from '../../schema';
import { SchemaList } from '../schema-ui/SchemaList';

/** The admin's own lists; empty, it says how to make the first. */
export const CustomResourceList = () => (
  <SchemaList resource={resourceByName.customResources} empty="huiwu.empty.customResources" />
);
