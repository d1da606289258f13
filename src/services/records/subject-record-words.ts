// Words for the codes a subject access export shows, so a family reads them without a glossary.

/** The words for a code, or the code itself when there are none. */
export const words = (map: Record<string, string | { text: string }>, code: string | null): string | null => {
  if (code === null) return null;
  const found = map[code];
  return found === undefined ? code : typeof found === 'string' ? found : found.text;
};

export const sourceWords: Record<string, string> = {
  school: 'Referred by school',
  gp: 'Referred by a GP',
  professional: 'Referred by a professional',
  parent: 'Referred by a parent or carer',
  self: 'Self-referral by the young person',
};
export const consentedByWords: Record<string, string> = {
  'young-person': 'The young person',
  'parent-or-carer': 'A parent or carer',
};
export const mayBeToldWords: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  'young-person-will-decide': 'The young person will decide',
};
export const attendanceWords: Record<string, string> = {
  attended: 'Attended',
  'late-seen': 'Late, but seen',
  'did-not-attend': 'Did not attend',
  'cancelled-by-patient': 'Cancelled by the young person or family',
  'cancelled-by-service': 'Cancelled by the service',
};
export const respondentWords: Record<string, string> = {
  self: 'The young person',
  parent: 'A parent or carer',
  clinician: 'The practitioner',
};
export const directionWords: Record<string, string> = {
  'step-up': 'Step up',
  'step-down': 'Step down',
  onward: 'Onward referral',
};
