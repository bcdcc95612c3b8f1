import type { Catalogue } from './en.js';

export const de: Catalogue = {};
