import {
  describeOpeningHours,
  isOpenAt,
  type OpeningSession,
} from '../../domain/organisations/opening-hours.js';

// When the drop-in queue takes young people: the service's opening hours (Europe/London).

export function isServiceOpen(hours: readonly OpeningSession[], now: Date): boolean {
  return isOpenAt(hours, now);
}

/**
 * The hours themselves, true whether open or closed now: "Our opening hours are Monday to Friday:
 * 12pm to 10pm; Saturday to Sunday: 6pm to 10pm." (`opening.ts` says whether it is open now.)
 */
export function openingHoursSentence(hours: readonly OpeningSession[]): string {
  const lines = describeOpeningHours(hours);
  if (lines.length === 0) return 'Chat is closed at the moment.';
  return `Our opening hours are ${lines.join('; ')}.`;
}
