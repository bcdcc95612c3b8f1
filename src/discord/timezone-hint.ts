import { msg, type Msg } from '../domain/message.js';
import type { TimeZoneReading } from '../domain/timezone-input.js';
import { closeTimeZones } from '../domain/timezones.js';
import { quoteTyped } from './render/settings.js';

/** Why a typed timezone was not taken, as a message of its own, so a refusal speaks one language throughout. */
export function timezoneHintOf(reading: TimeZoneReading & { kind: 'unknown' }): Msg {
  if (reading.why === 'offset-not-whole-hours') return msg('timezone.hint.wholeHours');
  const close = reading.why === 'ambiguous-city' ? reading.candidates : closeTimeZones(reading.typed);
  if (close.length > 0) return msg('timezone.hint.didYouMean', { zones: close.slice(0, 5).map(quoteTyped).join(' / ') });
  return msg('timezone.hint.names');
}
