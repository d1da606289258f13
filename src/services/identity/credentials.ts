import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { generateSecret, generateURI, verify as verifyOtp } from 'otplib';
import QRCode from 'qrcode';

// Passwords, session tokens, TOTP and recovery codes. Secrets never leave this file unhashed
// except to the person they belong to.

/** argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Checked when the email is unknown, so a wrong email takes as long as a wrong password.
const unknownUserHash = hash('not a real password, only here to spend the same time');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await unknownUserHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Session cookies by the hash they are stored under, one entry per distinct cookie; empty ones apart. */
export function tokensByHash(tokens: readonly string[]): { byHash: Map<string, string>; hasEmpty: boolean } {
  const byHash = new Map<string, string>();
  for (const token of tokens) if (token) byHash.set(sha256(token), token);
  return { byHash, hasEmpty: tokens.includes('') };
}

/** A fresh random token for a session cookie or a CSRF token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The key failed passwords are counted under: the same for known and unknown emails. */
export function emailKey(email: string): string {
  return sha256(email.trim().toLowerCase());
}

/**
 * Failed second-factor codes are counted apart from passwords, so giving the right password again
 * never wipes the count of wrong codes.
 */
export function secondFactorKey(email: string): string {
  return sha256(`second-factor\n${email.trim().toLowerCase()}`);
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** The accepted time step for a code, or null. One step either side allows for clock drift. */
export async function totpStep(secret: string, code: string, now: Date): Promise<number | null> {
  const result = await verifyOtp({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
  }).catch(() => null);
  return result?.valid && 'timeStep' in result ? Number(result.timeStep) : null;
}

export async function enrolmentQr(secret: string, email: string) {
  const otpauthUri = generateURI({ issuer: 'Lantern', label: email, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUri, qrSvg };
}

/** Ten codes like "7KQ2-M9XD": easy to copy, 40 random bits each. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(8);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^(.{4})(.{4})$/, '$1-$2');
}
