import SendIcon from '@mui/icons-material/Send';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import {
  Button,
  Form,
  Loading,
  PasswordInput,
  ResourceContextProvider,
  SaveButton,
  Title,
  useLocale,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { mailSettings } from '../../schema/mailSettings';
import { apiUrl, httpClient } from '../providers/httpClient';
import { FieldInput } from '../schema-ui/FieldInput';

const URL = `${apiUrl}/settings/mail`;
type Settings = Record<string, unknown> & { passwordSet?: boolean };

/** The server's field errors, as the form shows them under each field. */
const fieldErrors = (error: unknown) => (error as { body?: { errors?: Record<string, string> } }).body?.errors ?? null;

/**
 * Admins set the mailbox Huiwu sends from (src/schema/mailSettings.ts gives the fields), and
 * try it with a test mail before or after saving. The app password is never shown again: a
 * save without it keeps the one the server has.
 */
export const MailSettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [settings, setSettings] = useState<Settings | null>(null);
  /** why the settings cannot be shown (a role other than admin: 403, in the reader's words) */
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    httpClient(URL).then(
      ({ json }) => setSettings(json as Settings),
      (error: Error) => setRefused(error.message),
    );
  }, []);
  if (refused)
    return (
      <Alert severity="warning" sx={{ mt: 2, maxWidth: 640 }}>
        {refused}
      </Alert>
    );
  if (!settings) return <Loading />;
  const save = async (values: Record<string, unknown>) => {
    const { password, passwordSet: _p, ...rest } = values;
    try {
      const { json } = await httpClient(URL, {
        method: 'PUT',
        body: JSON.stringify(password ? { ...rest, password } : rest),
      });
      setSettings(json as Settings);
      notify('huiwu.mail.saved', { type: 'success' });
    } catch (error) {
      const errors = fieldErrors(error);
      if (errors) return errors;
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ maxWidth: 640, mt: 2 }}>
      <Title title="huiwu.mail.settings" />
      <CardContent>
        {/* labelled as a resource's fields are (resources.mailSettings.fields.*) */}
        <ResourceContextProvider value="mailSettings">
          <Form record={{ ...settings, password: '' }} onSubmit={save}>
            <Stack>
              {mailSettings.fields.map((field) =>
                field.type === 'password' ? (
                  // never shown again once kept: empty keeps it
                  <PasswordInput
                    key={field.source}
                    source={field.source}
                    autoComplete="new-password"
                    isRequired={!settings.passwordSet}
                    helperText={translate(settings.passwordSet ? 'huiwu.mail.passwordKept' : 'huiwu.mail.passwordHelp')}
                  />
                ) : (
                  <FieldInput key={field.source} field={field} />
                ),
              )}
            </Stack>
            <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
              <SaveButton alwaysEnable />
              <TestMail passwordSet={!!settings.passwordSet} />
            </Stack>
          </Form>
        </ResourceContextProvider>
      </CardContent>
    </Card>
  );
};

/** Sends one mail now with the settings as the form holds them, and says what the server said. */
const TestMail = ({ passwordSet }: { passwordSet: boolean }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const { getValues } = useFormContext();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async () => {
    setBusy(true);
    setResult(null);
    const { password, passwordSet: _p, ...rest } = getValues();
    try {
      const { json } = await httpClient(`${URL}/test`, {
        method: 'POST',
        body: JSON.stringify({ ...rest, ...(password || !passwordSet ? { password } : {}), to }),
      });
      const answer = String(json.answer ?? '');
      setResult(
        json.sent
          ? { ok: true, text: translate('huiwu.mail.testSent', { answer }) }
          : {
              ok: false,
              text: translate('huiwu.mail.testFailed', {
                answer,
                outcome: translate(`huiwu.mail.outcome.${json.outcome}`),
              }),
            },
      );
    } catch (error) {
      setResult({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1} sx={{ flex: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          label={translate('huiwu.mail.testTo')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ htmlInput: { lang: locale } }}
          type="email"
        />
        <Button label="huiwu.mail.test" onClick={send} disabled={busy || !to}>
          <SendIcon />
        </Button>
      </Stack>
      {result && <Alert severity={result.ok ? 'success' : 'error'}>{result.text}</Alert>}
    </Stack>
  );
};
