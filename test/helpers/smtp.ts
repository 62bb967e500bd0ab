import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

/** A refusal the sink gives: an SMTP code and its line ("550 5.1.1 User unknown"). */
export type Refusal = { code: number; message: string };

export interface Sink {
  port: number;
  /** every mail accepted, parsed, in the order they came */
  received: ParsedMail[];
  /** every recipient the sink was asked to take, refused or not */
  asked: string[];
  /** decides, per recipient, whether to refuse it (null accepts) */
  refuse: (to: string, tries: number) => Refusal | null;
  /** the app password it takes */
  password: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test's process (smtp-server), as QQ or 163 would answer: it takes
 * mail after a login, refuses a recipient as `refuse` says (421, 550 user unknown, 550
 * frequency limited), and keeps what it accepted, parsed by mailparser. Plain SMTP on
 * 127.0.0.1 (no STARTTLS offered): nothing leaves the machine.
 */
export async function startSink(password = 'app-password-16ch'): Promise<Sink> {
  const tries = new Map<string, number>();
  const sink: Sink = {
    port: 0,
    received: [],
    asked: [],
    refuse: () => null,
    password,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.password !== sink.password) {
        const error = Object.assign(new Error('Login fail. Please enter your authorization code to login'), {
          responseCode: 535,
        });
        return callback(error);
      }
      callback(null, { user: auth.username });
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback) {
      const to = address.address;
      const n = (tries.get(to) ?? 0) + 1;
      tries.set(to, n);
      sink.asked.push(to);
      const refusal = sink.refuse(to, n);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          sink.received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.port = (server.server.address() as AddressInfo).port;
  return sink;
}

/** The settings that send through a sink, as an admin would save them. */
export const settingsFor = (sink: Sink, more: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: sink.port,
  secure: false,
  user: 'huiwu@example.com',
  password: sink.password,
  from: 'huiwu@example.com',
  fromName: '青岚市科协',
  perMinute: 6000,
  ...more,
});

/** The address a parsed mail went to. */
export const recipientOf = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';
