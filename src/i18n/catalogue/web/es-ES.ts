import { webEn, type WebKey } from './en.js';

export const webEs: Record<WebKey, string> = { ...webEn };
