/** An expected refusal: its message is written for the member and shown to them ephemerally. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';

  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}
