import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Members' Discord tokens at rest (the consistency role's `role_connections.write`): AES-256-GCM with a
 * key derived from SESSION_SECRET, so a copy of the database alone cannot act for anyone. Never logged.
 */
export type SealKey = Buffer & { readonly __sealKey: true };

export const sealKeyFrom = (secret: string): SealKey =>
  Buffer.from(hkdfSync('sha256', secret, 'small-wins', 'role-link-token', 32)) as SealKey;

export function sealToken(key: SealKey, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64url')}.${sealed.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

/** The token, or undefined when it was sealed with another key or tampered with. */
export function openToken(key: SealKey, sealed: string): string | undefined {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
