import {
  describeOpeningHours,
  isOpenAt,
  type OpeningSession,
} from '../../domain/organisations/opening-hours.js';

// When the drop-in queue takes young people: the service's opening hours (Europe/London).

export function isServiceOpen(hours: readonly OpeningSession[], now: Date): boolean {
  return isOpenAt(hours, now);
}

/** "We're open Monday to Friday: 12pm to 10pm, Saturday to Sunday: 6pm to 10pm." */
export function openingSentence(hours: readonly OpeningSession[]): string {
  const lines = describeOpeningHours(hours);
  if (lines.length === 0) return 'Chat is closed at the moment.';
  return `We're open ${lines.join('; ')}.`;
}
