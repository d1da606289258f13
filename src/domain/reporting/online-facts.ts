import { isEveningOrWeekend } from '../online/usage.js';
import { londonDate } from '../people/child-details.js';
import { ageBandCode, NOT_RECORDED, onlineGenderCodes } from './dimensions.js';

/**
 * Online support events as reporting facts, with the usage page's own rules (domain/online/usage.ts):
 * a chat counts when a counsellor took it, on the day it was asked for; evenings and weekends as
 * `isEveningOrWeekend`; a young person counts when they had a chat or sent a message. Age is the
 * age given at sign-up, so a young person stays in one band for a whole period; waits are whole
 * minutes. Pure.
 */

export interface OnlineEvent {
  kind: 'chat' | 'message';
  accountId: string;
  chatKind: string | null;
  at: Date;
  takenAt: Date | null;
  gender: string;
  ageAtSignUp: number;
}

type Dims = Record<
  'icb' | 'local_authority' | 'team' | 'school' | 'age_band' | 'gender' | 'ethnicity' | 'sen' | 'lgbt',
  string
>;

function dimsOf(event: OnlineEvent): Dims {
  return {
    icb: NOT_RECORDED,
    local_authority: NOT_RECORDED,
    team: NOT_RECORDED,
    school: NOT_RECORDED,
    age_band: ageBandCode(event.ageAtSignUp),
    gender: onlineGenderCodes[event.gender] ?? NOT_RECORDED,
    ethnicity: NOT_RECORDED,
    sen: NOT_RECORDED,
    lgbt: NOT_RECORDED,
  };
}

export function onlineFacts(events: readonly OnlineEvent[]) {
  const facts: { day: string; measure: string; dims: Dims; bucket: number; value: number }[] = [];
  const people: { day: string; measure: string; subjectId: string; dims: Dims; value: number }[] = [];
  for (const event of events) {
    const day = londonDate(event.at);
    const dims = dimsOf(event);
    people.push({ day, measure: 'online-use', subjectId: event.accountId, dims, value: 1 });
    if (event.kind !== 'chat' || event.takenAt === null) continue;
    facts.push({ day, measure: 'online-chats', dims, bucket: 0, value: 1 });
    if (isEveningOrWeekend(event.at)) {
      facts.push({ day, measure: 'online-chats-evening-weekend', dims, bucket: 0, value: 1 });
    }
    if (event.chatKind === 'drop-in') {
      const minutes = Math.max(0, Math.round((event.takenAt.getTime() - event.at.getTime()) / 60_000));
      facts.push({ day, measure: 'online-wait', dims, bucket: minutes, value: 1 });
    }
  }
  return { facts, people };
}
