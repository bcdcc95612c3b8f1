import { webEn, type WebKey } from './en.js';

export const webDe: Record<WebKey, string> = { ...webEn };
