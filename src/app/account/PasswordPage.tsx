import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import { useState } from 'react';
import { Form, PasswordInput, SaveButton, Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { i18nProvider } from '../providers/i18nProvider';

/** Each user changes their own password here, proving the current one. */
export const PasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);
  const submit = async (values: Record<string, string>) => {
    setSaving(true);
    try {
      const res = await fetch('/api/auth/password', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': i18nProvider.getLocale() },
        body: JSON.stringify({ current: values.current, password: values.password }),
      });
      const body = await res.json();
      if (!res.ok) return body.errors ?? { current: body.message };
      notify('huiwu.password.changed', { type: 'success' });
      navigate('/');
    } finally {
      setSaving(false);
    }
  };
  const validate = (values: Record<string, string>) =>
    values.password && values.confirm !== values.password ? { confirm: translate('huiwu.password.mismatch') } : {};
  return (
    <Card sx={{ maxWidth: 480, mt: 2 }}>
      <Title title="huiwu.password.title" />
      <CardContent>
        <Form onSubmit={submit} validate={validate}>
          <PasswordInput
            source="current"
            label="huiwu.password.current"
            autoComplete="current-password"
            fullWidth
            isRequired
          />
          <PasswordInput
            source="password"
            label="huiwu.password.new"
            autoComplete="new-password"
            fullWidth
            isRequired
          />
          <PasswordInput
            source="confirm"
            label="huiwu.password.confirm"
            autoComplete="new-password"
            fullWidth
            isRequired
          />
          <SaveButton label="huiwu.password.save" disabled={saving} alwaysEnable />
        </Form>
      </CardContent>
    </Card>
  );
};
