import { webEn, type WebKey } from './en.js';

export const webJa: Record<WebKey, string> = { ...webEn };
