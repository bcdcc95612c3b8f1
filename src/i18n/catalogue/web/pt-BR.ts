import { webEn, type WebKey } from './en.js';

export const webPt: Record<WebKey, string> = { ...webEn };
