import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';

// "{time}" is a weekday and a time ("lunes, 08:00"): "son las lunes, 08:00" is not Spanish.
describe('the local time after /settings timezone, in Spanish', () => {
  it('reads as Spanish with a weekday in front of the time', () => {
    const tr = translator('es-ES');
    for (const key of ['settings.timezone.own', 'settings.timezone.server']) {
      const said = tr.t(key, { timezone: 'Europe/Madrid', time: 'lunes, 08:00' });
      expect(said, key).toContain('(allí ahora es lunes, 08:00)');
      expect(said, key).not.toContain('son las lunes');
    }
  });
});
