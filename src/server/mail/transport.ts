import nodemailer from 'nodemailer';

/** The settings an admin saved (src/schema/mailSettings.ts), as the sender uses them. */
export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
  fromName?: string | null;
  perMinute: number;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** the same Message-ID on every try of one mail */
  messageId?: string;
  /** files that go with it (a guest's check-in QR code) */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Sent {
  /** the server's last line ("250 OK: queued as …") */
  response: string;
  messageId: string;
}

export interface Sender {
  send(mail: Mail): Promise<Sent>;
  close(): void;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;

/**
 * Mail over SMTP through nodemailer: one pooled connection kept open between mails (a login per
 * mail is what QQ and 163 count against a sender first), and timeouts short enough that a
 * server that stopped answering is a retry, not a hang.
 */
export function smtpSender(settings: MailSettings): Sender {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    // on 587 and 25 the login goes only after STARTTLS: a server (or a man in the middle) that
    // does not offer it gets no password in clear. A relay on this machine needs no TLS.
    requireTLS: !settings.secure && !LOOPBACK.test(settings.host),
    pool: true,
    maxConnections: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const from = settings.fromName ? { name: settings.fromName, address: settings.from } : settings.from;
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
      });
      return { response: String(info.response ?? ''), messageId: String(info.messageId ?? '') };
    },
    close: () => transport.close(),
  };
}
