import ListAltIcon from '@mui/icons-material/ListAlt';
import type { ResourceDef } from '../../schema';
import { schemaViews } from '../schema-ui/schemaViews';

// One set of views per definition: made anew for each render, react-admin would remount the page.
const made = new WeakMap<ResourceDef, object>();

/** The views of a list an admin added: the generated ones every resource starts from. */
export function customViews(resource: ResourceDef) {
  let views = made.get(resource);
  if (!views) {
    views = { ...schemaViews(resource), icon: ListAltIcon };
    made.set(resource, views);
  }
  return views;
}
