import { describe, it } from 'vitest';
import { useLockChildren } from '../support/lock-children.js';

// test/db/data-dir-lock.test.ts races 4 starts in `npm test`; here, 50 at once.
describe('the data folder lock under a crowd', () => {
  const { expectOneWinnerOf } = useLockChildren();

  it('lets exactly one of 50 simultaneous starts win', async () => {
    await expectOneWinnerOf(50);
  }, 120_000);
});
