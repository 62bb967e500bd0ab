import express, { type Response } from 'express';
import type { Lang, Role } from '../../schema';
import { actorOf } from '../audit';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { resourceFor } from '../present';
import { sameId } from '../records';
import type { RecordStore, Step } from '../store/recordStore';
import { OUTBOX } from './outbox';
import { invitationMail } from './templates';

/** Why a guest ticked for an invitation gets none. */
type Skipped = { id: unknown; name: unknown; reason: 'noEmail' | 'bouncing' | 'pending' };

/** the mails of a guest not yet sent or given up: a second click does not send twice */
const PENDING = ['queued', 'sending', 'retrying'];

/**
 * Mail the organisers send: POST /api/summits/:id/invitations queues an invitation for each
 * guest named (`ids`) or, without ids, each guest still to invite, and answers how many went to
 * the outbox and which guests were left out and why; POST /api/outbox/:id/resend puts a mail
 * back in the queue. The outbox worker sends them (outbox.ts); a guest moves to 已邀请 when
 * their invitation is sent.
 */
export function mailRoutes(records: RecordStore, now: () => number) {
  const router = express.Router();
  const role = (res: Response) => res.locals.user.role as Role;

  router.post(
    '/summits/:id/invitations',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      resourceFor('attendees', role(res), 'write', lang);
      const { ids, lang: mailLang = 'zh' } = (req.body ?? {}) as { ids?: unknown; lang?: unknown };
      if (ids !== undefined && (!Array.isArray(ids) || ids.length > 5000))
        throw new HttpError(400, message(lang, 'invitationIds'));
      if (mailLang !== 'zh' && mailLang !== 'en') throw new HttpError(400, message(lang, 'invitationLang'));
      const skipped: Skipped[] = [];
      const queued = await records.write(actorOf(res.locals.user), async (view) => {
        const summit = await view.find('summits', req.params.id);
        if (!summit) throw new HttpError(404, message(lang, 'notFound'));
        const guests = (await view.where('attendees', 'summitId', summit.id)).filter((guest) =>
          Array.isArray(ids) ? ids.some((id) => sameId(id, guest.id)) : guest.invitation === 'toInvite',
        );
        const pending = new Set(
          (await view.where(OUTBOX, 'summitId', summit.id))
            .filter((mail) => mail.kind === 'invitation' && PENDING.includes(String(mail.state)))
            .map((mail) => String(mail.attendeeId)),
        );
        const at = new Date(now()).toISOString();
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
          const mail = invitationMail(summit, guest, mailLang as Lang);
          steps.push({
            op: 'create',
            resource: OUTBOX,
            fields: {
              summitId: summit.id,
              attendeeId: guest.id,
              kind: 'invitation',
              to: guest.email,
              ...mail,
              state: 'queued',
              queuedAt: at,
              nextAttemptAt: at,
              attempts: 0,
            },
          });
        }
        return steps;
      });
      res.status(202).json({ queued: queued.length, skipped });
    }),
  );

  router.post(
    '/outbox/:id/resend',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      resourceFor('attendees', role(res), 'write', lang);
      const [mail] = await records.write(actorOf(res.locals.user), async (view) => {
        const row = await view.find(OUTBOX, req.params.id);
        if (!row) throw new HttpError(404, message(lang, 'notFound'));
        if (PENDING.includes(String(row.state))) return [];
        const at = new Date(now()).toISOString();
        return [
          {
            op: 'update',
            resource: OUTBOX,
            row,
            fields: { state: 'queued', attempts: 0, nextAttemptAt: at, lastAnswer: null },
          },
        ];
      });
      res.status(202).json(mail ?? (await records.get(OUTBOX, [req.params.id]))[0]);
    }),
  );
  return router;
}
