import { z } from 'zod';

// Contact notes (append-only, corrected by new versions), their sign-off, and the supervision log.

const noteText = z.string().trim().min(3, 'write the note').max(10_000, 'must be 10,000 characters or fewer');

export const WriteNoteInput = z.object({
  contactId: z.string().uuid('must be an appointment id').nullable().optional(),
  body: noteText,
  inConfidence: z.boolean().default(false),
});
export const CorrectNoteInput = z.object({
  body: noteText,
  reason: z.string().trim().min(3, 'say why the note is being corrected').max(500),
});
export const NoteSaved = z.object({ noteId: z.string(), version: z.number().int() });
export type NoteSaved = z.infer<typeof NoteSaved>;

export const NoteVersionOut = z.object({
  version: z.number().int(),
  body: z.string(),
  correctionReason: z.string().nullable(),
  writtenAt: z.string(),
  writtenBy: z.string(),
  writerName: z.string(),
  signedOffBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
});
export const SignOffOut = z.object({
  kind: z.enum(['signed-off', 'correction-not-signed-off', 'not-signed-off']),
  /** In words: "Signed off by Sam Lee on 23 November 2026", "Correction not yet signed off". */
  text: z.string(),
  signedOffBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
});
export const NoteOut = z.object({
  noteId: z.string(),
  contactId: z.string().nullable(),
  contactStartsAt: z.string().nullable(),
  inConfidence: z.boolean(),
  current: NoteVersionOut,
  /** Earlier versions, newest first, each with the reason it was corrected after. */
  earlier: z.array(NoteVersionOut),
  signOff: SignOffOut,
});
export type NoteOut = z.infer<typeof NoteOut>;
export const NoteList = z.object({
  reference: z.string(),
  childName: z.string(),
  items: z.array(NoteOut),
  contacts: z.array(z.object({ id: z.string(), startsAt: z.string() })),
});
export type NoteList = z.infer<typeof NoteList>;

export const NoteToSign = z.object({
  noteId: z.string(),
  version: z.number().int(),
  referralId: z.string(),
  reference: z.string(),
  practitionerName: z.string(),
  writtenAt: z.string(),
  body: z.string(),
  correctionReason: z.string().nullable(),
  inConfidence: z.boolean(),
});
export type NoteToSign = z.infer<typeof NoteToSign>;
export const NotesToSign = z.object({ items: z.array(NoteToSign) });
export type NotesToSign = z.infer<typeof NotesToSign>;

export const SignOffInput = z.object({ comment: z.string().trim().max(1000).default('') });
export const SignedOff = z.object({ noteId: z.string(), version: z.number().int(), signedAt: z.string() });
export type SignedOff = z.infer<typeof SignedOff>;

export const supervisionKinds = {
  'case-management': 'Case management supervision',
  'clinical-skills': 'Clinical skills supervision',
  wellbeing: 'Wellbeing supervision',
} as const;
export type SupervisionKind = keyof typeof supervisionKinds;
const supervisionKindCodes = Object.keys(supervisionKinds) as [SupervisionKind, ...SupervisionKind[]];

export const RecordSupervisionInput = z.object({
  practitionerUserId: z.string().uuid('must be a practitioner id'),
  heldAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  kind: z.enum(supervisionKindCodes, 'choose the kind of supervision'),
  casesDiscussed: z.number().int().min(0).max(200),
  summary: z.string().trim().min(3, 'write a short summary').max(5000),
  actions: z.string().trim().max(5000).default(''),
});
export type RecordSupervisionInput = z.infer<typeof RecordSupervisionInput>;

export const SupervisionSessionOut = z.object({
  id: z.string(),
  practitionerUserId: z.string(),
  practitionerName: z.string(),
  supervisorName: z.string(),
  heldAt: z.string(),
  kind: z.enum(supervisionKindCodes),
  casesDiscussed: z.number().int(),
  summary: z.string(),
  actions: z.string(),
});
export const SupervisionLog = z.object({
  items: z.array(SupervisionSessionOut),
  /** The practitioners this supervisor may record supervision for (empty for one's own log). */
  practitioners: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type SupervisionLog = z.infer<typeof SupervisionLog>;
export const SupervisionQuery = z.object({
  practitionerUserId: z.string().uuid('must be a practitioner id').optional(),
});
