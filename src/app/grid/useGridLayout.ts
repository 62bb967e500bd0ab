import { useGetIdentity, useStore } from 'react-admin';
import type { ResourceDef } from '../../schema';

export interface GridLayout {
  /** column order (field sources) */
  order: string[];
  hidden: string[];
  widths: Record<string, number>;
  /** how many columns stay in place when scrolling sideways */
  freeze: number;
}

export const defaultLayout = (resource: ResourceDef): GridLayout => ({
  order: resource.fields.map((f) => f.source),
  hidden: resource.fields.filter((f) => f.list === false).map((f) => f.source),
  widths: {},
  freeze: 1,
});

/** The grid's columns as this user left them, per resource, across reloads and browsers
 * (react-admin's store, which keeps them on the server for the account: accountStore.ts).
 * Fields added to the schema later appear at the end. */
export function useGridLayout(resource: ResourceDef, preset?: { key: string; columns: string[] }) {
  const { identity } = useGetIdentity();
  const fallback = preset
    ? {
        ...defaultLayout(resource),
        order: [...preset.columns, ...resource.fields.map((f) => f.source).filter((s) => !preset.columns.includes(s))],
        hidden: resource.fields.map((f) => f.source).filter((s) => !preset.columns.includes(s)),
      }
    : defaultLayout(resource);
  const [stored, setLayout] = useStore<GridLayout>(
    `huiwu.grid.${identity?.username ?? 'anonymous'}.${resource.name}${preset ? `.${preset.key}` : ''}`,
    fallback,
  );
  const known = new Set(resource.fields.map((f) => f.source));
  const order = [
    ...stored.order.filter((s) => known.has(s)),
    ...resource.fields.map((f) => f.source).filter((s) => !stored.order.includes(s)),
  ];
  const layout = { ...stored, order };
  const visible = order
    .filter((s) => !layout.hidden.includes(s))
    .map((s) => resource.fields.find((f) => f.source === s)!);
  return { layout, visible, setLayout };
}
