import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing for the idempotency store (ADR 0022). The store has no row-level security and a kept
 * response can hold a child's data, so it is kept only in a form that needs the caller's own
 * Idempotency-Key to read: the key is stored as a hash, and the response (and the fingerprint of
 * the request) are sealed with a key derived from it. Whoever reads the table without the key sees
 * ids, paths, status codes and ciphertext.
 */
export interface IdempotencySeal {
  /** What the row is found by: SHA-256 of owner and key. */
  keyHash: string;
  /** Fingerprint of the request, keyed so a short body cannot be guessed from it. */
  fingerprint(method: string, path: string, body: unknown): string;
  seal(value: unknown): string;
  /** The value, or `undefined` when the sealed text was not made with this key. */
  open(sealed: string): unknown;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function idempotencySeal(owner: string, key: string): IdempotencySeal {
  const keyHash = createHash('sha256').update(`${owner}\u0000${key}`).digest('hex');
  const derived = Buffer.from(hkdfSync('sha256', key, owner, 'lantern idempotency response', 32));
  return {
    keyHash,
    fingerprint: (method, path, body) =>
      createHmac('sha256', derived)
        .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
        .digest('hex'),
    seal(value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', derived, iv);
      const text = Buffer.concat([cipher.update(JSON.stringify(value ?? null), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', derived, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
        return JSON.parse(text.toString('utf8'));
      } catch {
        return undefined;
      }
    },
  };
}
