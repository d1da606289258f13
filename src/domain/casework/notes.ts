// Contact notes are append-only (ADR 0017): each row is one version of a note, a correction is a
// new version with the reason, and a supervisor signs off one version. These pure rules decide which
// version is current, what the sign-off state is, and whether a correction or sign-off may be made.

export interface NoteVersion {
  noteId: string;
  version: number;
  body: string;
  correctionReason: string | null;
  writtenAt: Date;
  writtenBy: string;
}

export interface NoteSignOff {
  noteId: string;
  version: number;
  signedAt: Date;
  signedBy: string;
}

export type SignOffState =
  | { kind: 'signed-off'; version: number; signedAt: Date; signedBy: string }
  | { kind: 'correction-not-signed-off'; signedVersion: number }
  | { kind: 'not-signed-off' };

/** Words for each sign-off state, as the notes page and the supervisor's list say them. */
export const signOffStateLabels = {
  'signed-off': 'Signed off',
  'correction-not-signed-off': 'Correction not yet signed off',
  'not-signed-off': 'Not yet signed off',
} as const satisfies Record<SignOffState['kind'], string>;

/** The versions of one note, newest first; the first is the one in force. */
export function versionsNewestFirst<T extends Pick<NoteVersion, 'version'>>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => b.version - a.version);
}

export function currentVersion<T extends Pick<NoteVersion, 'version'>>(versions: readonly T[]): T | null {
  return versionsNewestFirst(versions)[0] ?? null;
}

/**
 * Signed off when the current version is; "correction not yet signed off" when an earlier version
 * was signed but the correction after it was not, so a supervisor looks again.
 */
export function signOffState(
  versions: readonly Pick<NoteVersion, 'version'>[],
  signOffs: readonly Omit<NoteSignOff, 'noteId'>[],
): SignOffState {
  const current = currentVersion(versions);
  if (!current) return { kind: 'not-signed-off' };
  const ofCurrent = signOffs.find((s) => s.version === current.version);
  if (ofCurrent) {
    return {
      kind: 'signed-off',
      version: ofCurrent.version,
      signedAt: ofCurrent.signedAt,
      signedBy: ofCurrent.signedBy,
    };
  }
  const earlier = signOffs.filter((s) => s.version < current.version).sort((a, b) => b.version - a.version);
  if (earlier[0]) return { kind: 'correction-not-signed-off', signedVersion: earlier[0].version };
  return { kind: 'not-signed-off' };
}

export type CorrectionProblem =
  | { kind: 'stale' }
  | { kind: 'invalid'; field: 'reason' | 'body'; reason: string };

/**
 * Why a correction cannot be made, or null: it must correct the current version (the one the
 * practitioner saw), give a reason, and actually change the words.
 */
export function correctionProblem(
  current: Pick<NoteVersion, 'version' | 'body'>,
  expectedVersion: number,
  correction: { body: string; reason: string },
): CorrectionProblem | null {
  if (current.version !== expectedVersion) return { kind: 'stale' };
  if (correction.reason.trim().length < 3) {
    return { kind: 'invalid', field: 'reason', reason: 'say why the note is being corrected' };
  }
  if (correction.body.trim() === current.body.trim()) {
    return { kind: 'invalid', field: 'body', reason: 'must be different from the note it corrects' };
  }
  return null;
}

export type SignOffProblem = 'stale' | 'already-signed-off' | 'own-note';

/**
 * Why this supervisor cannot sign off this version, or null. Only the current version is signed, once,
 * and never by the person who wrote it (sign-off is a second pair of eyes).
 */
export function signOffProblem(
  current: Pick<NoteVersion, 'version' | 'writtenBy'>,
  expectedVersion: number,
  signOffs: readonly Pick<NoteSignOff, 'version'>[],
  supervisorUserId: string,
): SignOffProblem | null {
  if (current.writtenBy === supervisorUserId) return 'own-note';
  if (current.version !== expectedVersion) return 'stale';
  if (signOffs.some((s) => s.version === current.version)) return 'already-signed-off';
  return null;
}
