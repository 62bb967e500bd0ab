import express, { type Request, type Response } from 'express';
import { resourceByName, type Lang, type Role } from '../../schema';
import { clockText } from '../../schema/checkinWindow';
import { eventDayEnd } from '../../schema/eventTime';
import { actorOf } from '../audit';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { present, resourceFor } from '../present';
import type { Row } from '../records';
import { newCode } from '../reply/tokens';
import type { RecordStore, Step } from '../store/recordStore';
import { sessionAttendance, sumCounts } from './attendance';
import { attendanceWorkbook } from './workbook';
import { planCheckIn, type DeskCheckIn } from './sessionCheckin';

/**
 * The day itself, for the desks and the report:
 * - POST /api/lectures/:id/checkins checks a guest in at a session (a lecture, or a summit's
 *   forum, seminar or visit): by id or by the code scanned from their badge;
 * - GET /api/lectures/:id/attendance, and summed over a summit's or a series' sessions,
 *   /api/summits/:id/attendance and /api/series/:id/attendance; the workbook offices file,
 *   GET /api/lectures/:id/attendance.xlsx;
 * - POST /api/summits/:id/checkin-codes gives each guest without one a check-in code (the QR
 *   code on their badge holds it).
 */
export function checkinRoutes(records: RecordStore, now: () => number) {
  const router = express.Router();
  const role = (res: Response) => res.locals.user.role as Role;
  /** who runs the desks: whoever may change the guests */
  const desk = (req: Request, res: Response) => resourceFor('attendees', role(res), 'write', requestLang(req));
  const reader = (req: Request, res: Response) => resourceFor('checkins', role(res), 'read', requestLang(req));

  async function sessionOr404(id: string, lang: Lang) {
    const [session] = await records.get('lectures', [id]);
    if (!session) throw new HttpError(404, message(lang, 'notFound'));
    return session;
  }

  router.post(
    '/lectures/:id/checkins',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      desk(req, res);
      const session = await sessionOr404(req.params.id, lang);
      const answer: { existing?: Row } = {};
      const [created] = await records.write(actorOf(res.locals.user), (view) =>
        planCheckIn(view, session, (req.body ?? {}) as DeskCheckIn, now(), lang, answer),
      );
      const checkin = created ?? answer.existing!;
      res.status(created ? 201 : 200).json(present(resourceByName.checkins, checkin, role(res)));
    }),
  );

  router.get(
    '/lectures/:id/attendance',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      reader(req, res);
      res.json(await sessionAttendance(records, await sessionOr404(req.params.id, lang)));
    }),
  );

  router.get(
    '/lectures/:id/attendance.xlsx',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      reader(req, res);
      const attendance = await sessionAttendance(records, await sessionOr404(req.params.id, lang));
      await attendanceWorkbook(res, attendance, lang, now());
    }),
  );

  // a summit's or a series' sessions, each and summed
  for (const [parent, field] of [
    ['summits', 'summitId'],
    ['series', 'seriesId'],
  ] as const)
    router.get(
      `/${parent}/:id/attendance`,
      asyncHandler(async (req, res) => {
        const lang = requestLang(req);
        reader(req, res);
        const [owner] = await records.get(parent, [req.params.id]);
        if (!owner) throw new HttpError(404, message(lang, 'notFound'));
        const { page } = await records.page('lectures', {
          [field]: String(owner.id),
          _sort: 'startsAt',
          _order: 'ASC',
        });
        const sessions = [];
        for (const session of page) sessions.push(await sessionAttendance(records, session));
        res.json({
          sessions: sessions.map(({ session, counts }) => ({ session, counts })),
          total: sumCounts(sessions.map((s) => s.counts)),
        });
      }),
    );

  // after the first day's registration: those who said they would come and did not, 缺席
  router.post(
    '/summits/:id/mark-absent',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      desk(req, res);
      const marked = await records.write(actorOf(res.locals.user), async (view) => {
        const summit = await view.find('summits', req.params.id);
        if (!summit) throw new HttpError(404, message(lang, 'notFound'));
        const closes = eventDayEnd(summit.startsOn);
        if (now() < closes) throw new HttpError(409, message(lang, 'absentTooSoon', { at: clockText(closes, lang) }));
        const guests = await view.where('attendees', 'summitId', summit.id);
        return guests
          .filter((guest) => guest.invitation === 'confirmed')
          .map((guest): Step => ({
            op: 'update',
            resource: 'attendees',
            row: guest,
            fields: { invitation: 'absent' },
          }));
      });
      res.json({ marked: marked.length });
    }),
  );

  router.post(
    '/summits/:id/checkin-codes',
    asyncHandler(async (req, res) => {
      const lang = requestLang(req);
      desk(req, res);
      const made = await records.write(actorOf(res.locals.user), async (view) => {
        const summit = await view.find('summits', req.params.id);
        if (!summit) throw new HttpError(404, message(lang, 'notFound'));
        const guests = await view.where('attendees', 'summitId', summit.id);
        return guests
          .filter((guest) => !guest.checkInCode)
          .map((guest): Step => ({
            op: 'update',
            resource: 'attendees',
            row: guest,
            fields: { checkInCode: newCode() },
          }));
      });
      res.json({ made: made.length });
    }),
  );
  return router;
}
