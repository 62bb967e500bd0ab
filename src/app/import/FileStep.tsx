import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, useLocaleState, useTranslate } from 'react-admin';
import { importableFields } from './mapping';
import type { Lang, ResourceDef } from '../../schema';

/** Choose or drop a file; says which files work and which columns it may hold. */
export const FileStep = ({
  resource,
  onFile,
  disabled,
  fixed,
}: {
  resource: ResourceDef;
  /** fields the page fills, not the file */
  fixed: string[];
  onFile: (file: File) => void;
  disabled: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [over, setOver] = useState(false);
  const fields = importableFields(resource)
    .filter((field) => !fixed.includes(field.source))
    .map((field) => field.label[locale as Lang]);
  return (
    <Box
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        borderRadius: 2,
        p: 4,
        textAlign: 'center',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        gap: 1,
      }}
    >
      <Button component="label" variant="contained" label="huiwu.import.choose" disabled={disabled}>
        <>
          <UploadFileIcon />
          <input
            hidden
            type="file"
            accept=".xlsx,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // the same file again is a new choice
              if (file) onFile(file);
            }}
          />
        </>
      </Button>
      <Typography variant="body2">{translate('huiwu.import.formats')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('huiwu.import.columnsHint', { fields: fields.join(locale === 'zh' ? '、' : ', ') })}
      </Typography>
    </Box>
  );
};
