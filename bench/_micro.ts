import { Temporal } from 'temporal-polyfill';
const tz = 'America/New_York';
const N = 50000; const base = Date.UTC(2026,0,1);
function t(label: string, fn: (ms: number) => unknown) { for (let i=0;i<2000;i++) fn(base+i*3.6e6); const s=performance.now(); for (let i=0;i<N;i++) fn(base + ((i*7919)%8760)*3.6e6); console.log(label.padEnd(20), ((performance.now()-s)/N*1000).toFixed(2),'µs'); }
const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
for (let r = 0; r < 2; r++) {
t('formatToParts', (ms) => fmt.formatToParts(ms));
t('zdt', (ms) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz));
t('zdt 3 fields', (ms) => { const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz); return [z.year, z.month, z.day]; });
t('zdt toPlainDateTime', (ms) => { const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz).toPlainDateTime(); return [z.year, z.month, z.day]; });
t('zdt offsetNs', (ms) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz).offsetNanoseconds);
t('PlainDate new', (ms) => new Temporal.PlainDate(2026, 1, 1 + (ms % 28)));
t('PlainDate add', (ms) => new Temporal.PlainDate(2026, 1, 1 + (ms % 28)).add({days: 3}));
t('PlainDate until', (ms) => new Temporal.PlainDate(2026, 1, 1 + (ms % 28)).until(new Temporal.PlainDate(1970,1,1)).days);
t('pdt toZDT', (ms) => new Temporal.PlainDateTime(2026, 1, 1 + (ms % 28), 9, 30).toZonedDateTime(tz, {disambiguation: 'earlier'}));
}
