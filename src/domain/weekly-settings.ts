export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** `monday` → 1 … `sunday` → 7; undefined for anything else. */
export function weekdayNumber(name: string): number | undefined {
  const index = WEEKDAY_NAMES.indexOf(name.trim().toLowerCase() as WeekdayName);
  return index === -1 ? undefined : index + 1;
}

export function weekdayName(day: number): string {
  const name = WEEKDAY_NAMES[day - 1] ?? 'monday';
  return name[0]?.toUpperCase() + name.slice(1);
}

/** `9:00`, `09:00`, `21:30` → `HH:MM`; undefined unless a real 24-hour time. */
export function parseLocalTime(raw: string): string | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw.trim());
  if (!match) return undefined;
  return `${match[1]?.padStart(2, '0')}:${match[2]}`;
}
