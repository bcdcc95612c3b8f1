import { scheduleSimulation } from './schedule-simulation.js';

// The zones with the oddest rules (midnight gaps, 30-minute DST, a skipped day, quarter-hour offsets);
// `npm run test:soak` runs all 24.
scheduleSimulation(['America/Havana', 'America/Santiago', 'Atlantic/Azores', 'Asia/Beirut', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'Europe/London']);
