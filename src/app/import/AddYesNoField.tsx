import AddIcon from '@mui/icons-material/Add';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { ResourceDef } from '../../schema';
import { loadLiveSchema } from '../customSchema/liveSchema';

/** A field key from a Chinese header, in pinyin: 是否住宿 → shiFouZhuSu. */
async function keyFor(label: string): Promise<string> {
  const { pinyin } = await import('pinyin-pro');
  const words = pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .flatMap((word) => word.split(/[^a-zA-Z0-9]+/))
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[a-zA-Z]/.test(key) ? key.slice(0, 40) : `field${key}`.slice(0, 40);
}

/**
 * For an admin, a yes/no column no field takes (是否住宿) becomes a custom yes/no field of the
 * list in one click, named as the column is; the import then fills it.
 */
export const AddYesNoField = ({
  resource,
  label,
  onAdded,
}: {
  resource: ResourceDef;
  label: string;
  onAdded: () => void;
}) => {
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  if (permissions !== 'admin' || !label) return null;
  const add = async () => {
    setBusy(true);
    try {
      await dataProvider.create('customFields', {
        data: { resource: resource.name, source: await keyFor(label), labelZh: label, labelEn: label, type: 'boolean' },
      });
      await loadLiveSchema();
      onAdded();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" label={translate('huiwu.import.addYesNoField', { label })} onClick={add} disabled={busy}>
      <AddIcon />
    </Button>
  );
};
