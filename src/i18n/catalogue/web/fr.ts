import { webEn, type WebKey } from './en.js';

export const webFr: Record<WebKey, string> = { ...webEn };
