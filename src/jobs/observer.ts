/** What scheduled work reports, for metrics; every method is optional to call sites (tests pass none). */
export interface JobObserver {
  /** One job's tick: how many items ended in each outcome (`posted`, `sent`, `failed`…). */
  jobRan(job: ScheduledJob, outcomes: Readonly<Record<string, number>>): void;
  /** A job threw as a whole (its items were not all attempted). */
  jobFailed(job: ScheduledJob): void;
  /** Due work was claimed `lateByMs` after it was due. */
  claimedLate(job: ScheduledJob, lateByMs: number): void;
}

export type ScheduledJob = 'recaps' | 'dm-recaps' | 'checkin-prompts' | 'plan-reminders' | 'fresh-starts';
