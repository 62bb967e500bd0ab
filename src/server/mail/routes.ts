import express, { type Request, type Response } from 'express';
import { resourceByName, type Lang, type Role } from '../../schema';
import { PENDING_MAIL } from '../../schema/resources/outbox';
import { actorOf } from '../audit';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { present, resourceFor } from '../present';
import type { Row } from '../records';
import type { RecordStore, Step, WriteView } from '../store/recordStore';
import { OUTBOX, queuedMail } from './mails';
import { readMailState } from './settings';
import { newCode } from '../reply/tokens';
import { invitationMail } from './templates';

/** Why a guest ticked for an invitation gets none. */
type Skipped = { id: unknown; name: unknown; reason: 'noEmail' | 'bouncing' | 'pending' };

/** the guests (of a summit) with an invitation still on its way */
async function pendingInvitations(view: WriteView, summitId: unknown) {
  const mails = await view.where(OUTBOX, 'summitId', summitId);
  return new Set(
    mails
      .filter((mail) => mail.kind === 'invitation' && PENDING_MAIL.includes(String(mail.state)))
      .map((mail) => String(mail.attendeeId)),
  );
}

/**
 * Mail the organisers send: POST /api/summits/:id/invitations queues an invitation for each
 * guest named (`ids`) or, without ids, each guest still to invite, and answers how many went to
 * the outbox, which guests were left out and why, and whether a mailbox is set up to send them;
 * POST /api/outbox/:id/resend puts a failed or sent mail back in the queue (to the guest's
 * address as it is now), /cancel takes a mail not yet taken out of it. The outbox worker sends
 * them (outbox.ts); a guest moves to 已邀请 when their invitation is sent.
 */
export function mailRoutes(records: RecordStore, now: () => number, publicUrl?: string) {
  const router = express.Router();
  const role = (res: Response) => res.locals.user.role as Role;
  /** who may change the guests may mail them */
  const organiser = (req: Request, res: Response) => resourceFor('attendees', role(res), 'write', requestLang(req));
  /** where guests open their reply pages: the configured address, or the one the organiser uses */
  const replyBase = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host')}`;

  /** GET /api/summits/:id/invitations/preview?attendeeId=&lang=: the invitation as this guest
   * would get it (the link's token is made when it is sent). */
  router.get(
    '/summits/:id/invitations/preview',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      organiser(req, res);
      const mailLang = req.query.lang ?? 'zh';
      if (mailLang !== 'zh' && mailLang !== 'en') throw new HttpError(400, message(lang, 'invitationLang'));
      const [summit] = await records.get('summits', [req.params.id]);
      const [guest] = req.query.attendeeId ? await records.get('attendees', [String(req.query.attendeeId)]) : [];
      if (!summit || (req.query.attendeeId && guest?.summitId !== summit.id))
        throw new HttpError(404, message(lang, 'notFound'));
      // without a guest: the template as it reads for a made-up one
      const shown = guest ?? { name: mailLang === 'zh' ? '张三' : 'Zhang San', role: 'guest' };
      res.json({ to: guest?.email ?? null, ...invitationMail(summit, shown, mailLang as Lang, replyBase(req)) });
    }),
  );

  router.post(
    '/summits/:id/invitations',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      organiser(req, res);
      const { ids, lang: mailLang = 'zh' } = (req.body ?? {}) as { ids?: unknown; lang?: unknown };
      if (ids !== undefined && (!Array.isArray(ids) || ids.length > 5000))
        throw new HttpError(400, message(lang, 'invitationIds'));
      if (mailLang !== 'zh' && mailLang !== 'en') throw new HttpError(400, message(lang, 'invitationLang'));
      const named = Array.isArray(ids) ? new Set(ids.map(String)) : null;
      const skipped: Skipped[] = [];
      const written = await records.write(actorOf(res.locals.user), async (view) => {
        const summit = await view.find('summits', req.params.id);
        if (!summit) throw new HttpError(404, message(lang, 'notFound'));
        const guests = (await view.where('attendees', 'summitId', summit.id)).filter((guest) =>
          named ? named.has(String(guest.id)) : guest.invitation === 'toInvite',
        );
        const pending = await pendingInvitations(view, summit.id);
        const base = replyBase(req);
        const steps: Step[] = [];
        for (const guest of guests) {
          const reason = !guest.email
            ? 'noEmail'
            : guest.emailBouncing === true
              ? 'bouncing'
              : pending.has(String(guest.id))
                ? 'pending'
                : null;
          if (reason) {
            skipped.push({ id: guest.id, name: guest.name, reason });
            continue;
          }
          // the code the guest shows at the desk: given now if they have none (the mail carries it)
          const code = guest.checkInCode ? null : newCode();
          if (code) steps.push({ op: 'update', resource: 'attendees', row: guest, fields: { checkInCode: code } });
          const mail = invitationMail(summit, code ? { ...guest, checkInCode: code } : guest, mailLang as Lang, base);
          steps.push(
            queuedMail(
              {
                summitId: summit.id,
                attendeeId: guest.id,
                kind: 'invitation',
                to: guest.email,
                ...mail,
                lang: mailLang as Lang,
                replyBase: base,
              },
              now(),
            ),
          );
        }
        return steps;
      });
      // queued either way; the organiser is told when no mailbox is set up to send them
      const mailReady = (await readMailState(records)).settings !== null;
      // (the write also gave check-in codes to guests who had none)
      const queued = written.filter((row) => row.kind === 'invitation').length;
      res.status(202).json({ queued, skipped, mailReady });
    }),
  );

  /** POST /api/outbox/:id/<action>: the mail found (404), moved as `move` decides (or refused,
   * 409), in the trail under the organiser's name, answered as the role sees it. */
  const mailAction = (
    action: string,
    status: number,
    move: (view: WriteView, row: Row, lang: Lang) => Promise<Record<string, unknown>>,
  ) =>
    router.post(
      `/outbox/:id/${action}`,
      asyncHandler(async (req, res) => {
        const lang = requestLang(req);
        organiser(req, res);
        const [mail] = await records.write(actorOf(res.locals.user), async (view) => {
          const row = await view.find(OUTBOX, req.params.id);
          if (!row) throw new HttpError(404, message(lang, 'notFound'));
          return [{ op: 'update', resource: OUTBOX, row, fields: await move(view, row, lang) }];
        });
        res.status(status).json(present(resourceByName.outbox, mail, role(res)));
      }),
    );

  // a failed (or sent, and lost) mail, back in the queue
  mailAction('resend', 202, async (view, row, lang) => {
    if (PENDING_MAIL.includes(String(row.state))) throw new HttpError(409, message(lang, 'mailPending'));
    const guest = row.attendeeId != null ? await view.find('attendees', row.attendeeId) : undefined;
    if (row.attendeeId != null && !guest) throw new HttpError(409, message(lang, 'mailGuestGone'));
    if (guest && !guest.email) throw new HttpError(409, message(lang, 'mailNoAddress'));
    if (guest?.emailBouncing === true) throw new HttpError(409, message(lang, 'mailBouncing'));
    if (row.kind === 'invitation' && guest && (await pendingInvitations(view, row.summitId)).has(String(guest.id)))
      throw new HttpError(409, message(lang, 'mailPending'));
    return {
      state: 'queued',
      // to the address as it is now (corrected since, perhaps), as a new message: a mail
      // server may drop a second copy of one it has seen
      to: guest?.email ?? row.to,
      messageId: null,
      attempts: 0,
      nextAttemptAt: new Date(now()).toISOString(),
      lastAnswer: null,
    };
  });

  // a mail not yet taken, out of the queue
  mailAction('cancel', 200, async (_view, row, lang) => {
    // in the hands of a worker: it may be on the wire already
    if (row.state === 'sending') throw new HttpError(409, message(lang, 'mailSending'));
    if (!PENDING_MAIL.includes(String(row.state))) throw new HttpError(409, message(lang, 'mailNotPending'));
    return { state: 'cancelled', nextAttemptAt: null };
  });
  return router;
}
