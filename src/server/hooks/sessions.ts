import type { Hooks } from './types';

/**
 * A session's own rules, and its leaves': a leave is for a guest of the session's summit, once
 * per guest and session; a session where guests have checked in stays with its summit (its
 * report would mix two summits' guests).
 */
export const leaveHooks: Hooks = {
  async check(ctx, _resource, record, reasons, existing) {
    if (reasons.attendeeId || reasons.lectureId) return [];
    const [session, guest] = await Promise.all([
      ctx.view.find('lectures', record.lectureId),
      ctx.view.find('attendees', record.attendeeId),
    ]);
    if (session?.summitId != null && guest && String(guest.summitId) !== String(session.summitId))
      reasons.attendeeId = { code: 'otherSummit' };
    else if (
      (await ctx.view.where('leaves', 'attendeeId', record.attendeeId)).some(
        (leave) => String(leave.lectureId) === String(record.lectureId) && String(leave.id) !== String(existing?.id),
      )
    )
      reasons.attendeeId = { code: 'leaveTwice' };
    return [];
  },
};

export const sessionHooks: Hooks = {
  async check(ctx, _resource, record, reasons, existing) {
    if (!existing || String(record.summitId ?? '') === String(existing.summitId ?? '')) return [];
    const checkins = (await ctx.view.where('checkins', 'lectureId', existing.id)).length;
    if (checkins > 0) reasons.summitId = { code: 'hasCheckins', count: checkins };
    return [];
  },
};
