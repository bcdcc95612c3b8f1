import type { Catalogue } from './en.js';

export const ja: Catalogue = {};
