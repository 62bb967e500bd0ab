import express, { type Request, type Response } from 'express';
import { beijingDay, resourceByName, type Role } from '../../schema';
import { stampsFor } from '../../schema/stamps';
import { actorOf } from '../audit';
import { asyncHandler, HttpError, message, requestLang } from '../messages';
import { resourceFor } from '../present';
import type { Row } from '../records';
import { XLSX_TYPE } from '../../schema/spreadsheet/xlsx';
import type { RecordStore, Step } from '../store/recordStore';
import { placeholderValues } from '../mail/templates';
import { keySteps, newCode, REPLY_KEYS } from './tokens';

/** The SMS a guest gets: no link in it (China's SMS platforms refuse links as a template's
 * variables), the fixed reply page's address and the guest's own code instead. */
function smsText(summit: Row, guest: Row, code: string, base: string) {
  const v = placeholderValues(summit, guest, 'zh', null);
  return `${v.name}${v.salutation}：诚邀您出席${v.summit}（${v.dates}）。请于${v.deadline}前在 ${base.replace(/\/+$/, '')}/r 输入回复码 ${code} 及手机尾号回复。`;
}

/**
 * POST /api/summits/:id/sms-list {ids?, renew?}: the SMS list for the association's SMS
 * platform, as a workbook: each guest named (or each not yet answered) with a phone, their
 * name, a reply code and the message as it would read. Codes are kept only as hashes, so a
 * guest given one by an earlier list is not listed again (their SMS may be on its way) unless
 * `renew` replaces their code. Guests left out, and why, are on a second sheet. Guests still to
 * invite become 已邀请 (the list is how they are invited). A POST: it makes codes.
 */
export function smsListRoutes(records: RecordStore, now: () => number, publicUrl?: string) {
  const router = express.Router();
  router.post(
    '/summits/:id/sms-list',
    asyncHandler(async (req: Request, res: Response) => {
      const lang = requestLang(req);
      resourceFor('attendees', res.locals.user.role as Role, 'write', lang);
      const { ids, renew } = (req.body ?? {}) as { ids?: unknown; renew?: unknown };
      if (ids !== undefined && (!Array.isArray(ids) || ids.length > 5000))
        throw new HttpError(400, message(lang, 'invitationIds'));
      const named = Array.isArray(ids) ? new Set(ids.map(String)) : null;
      const base = publicUrl ?? `${req.protocol}://${req.get('host')}`;
      let summit: Row | undefined;
      let listed: { guest: Row; code: string }[] = [];
      let left: { guest: Row; why: string }[] = [];
      await records.write(actorOf(res.locals.user), async (view) => {
        summit = await view.find('summits', req.params.id);
        if (!summit) throw new HttpError(404, message(lang, 'notFound'));
        const guests = (await view.where('attendees', 'summitId', summit.id)).filter((guest) =>
          named ? named.has(String(guest.id)) : ['toInvite', 'invited'].includes(String(guest.invitation)),
        );
        const coded = new Set(
          (await view.where(REPLY_KEYS, 'summitId', summit.id))
            .filter((key) => key.kind === 'code' && key.replacedAt == null)
            .map((key) => String(key.attendeeId)),
        );
        const why = (guest: Row) =>
          !guest.phone ? '无手机号' : renew !== true && coded.has(String(guest.id)) ? '已有回复码（此前导出）' : null;
        // planned again after a conflict: the codes of this plan are the ones stored
        listed = guests.filter((guest) => !why(guest)).map((guest) => ({ guest, code: newCode() }));
        left = guests.filter((guest) => why(guest)).map((guest) => ({ guest, why: why(guest)! }));
        const steps: Step[] = [];
        const at = now();
        for (const { guest, code } of listed) {
          steps.push(
            ...(await keySteps(view, 'code', code, { attendeeId: guest.id, summitId: summit.id, replaces: true }, at)),
          );
          if (guest.invitation === 'toInvite') {
            const moves = { invitation: 'invited' };
            const stamps = stampsFor(resourceByName.attendees, { ...guest, ...moves }, guest, moves, at);
            steps.push({ op: 'update', resource: 'attendees', row: guest, fields: { ...moves, ...stamps } });
          }
        }
        return steps;
      });
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('短信名单');
      sheet.columns = [
        { header: '手机号码', key: 'phone', width: 16 },
        { header: '姓名', key: 'name', width: 12 },
        { header: '回复码', key: 'code', width: 12 },
        { header: '短信内容', key: 'text', width: 100 },
      ];
      for (const { guest, code } of listed)
        // the phone as text: a number would lose nothing here, but Excel shows 1.38E+10
        sheet.addRow({ phone: String(guest.phone), name: guest.name, code, text: smsText(summit!, guest, code, base) });
      const without = workbook.addWorksheet('未列入');
      without.columns = [
        { header: '姓名', key: 'name', width: 16 },
        { header: '原因', key: 'why', width: 24 },
      ];
      for (const { guest, why } of left) without.addRow({ name: guest.name, why });
      res.setHeader('Content-Type', XLSX_TYPE);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${String(summit!.name)}-短信名单-${beijingDay(now())}.xlsx`)}`,
      );
      res.setHeader('X-Export-Rows', String(listed.length));
      await workbook.xlsx.write(res);
      res.end();
    }),
  );
  return router;
}
