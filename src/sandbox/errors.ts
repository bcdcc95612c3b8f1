import type { JsonObject } from './json.js';

/** An error answered with Discord's JSON error shape `{ message, code, errors? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: JsonObject,
  ) {
    super(message);
  }

  body(): JsonObject {
    return this.errors ? { message: this.message, code: this.code, errors: this.errors } : { message: this.message, code: this.code };
  }
}

export const unknownInteraction = (): ApiError => new ApiError(404, 10062, 'Unknown interaction');
export const unknownWebhook = (): ApiError => new ApiError(404, 10015, 'Unknown Webhook');
export const unknownMessage = (): ApiError => new ApiError(404, 10008, 'Unknown Message');
export const unknownChannel = (): ApiError => new ApiError(404, 10003, 'Unknown Channel');
export const unknownMember = (): ApiError => new ApiError(404, 10007, 'Unknown Member');
export const unknownUser = (): ApiError => new ApiError(404, 10013, 'Unknown User');
export const unknownGuild = (): ApiError => new ApiError(404, 10004, 'Unknown Guild');
export const missingPermissions = (): ApiError => new ApiError(403, 50013, 'Missing Permissions');
export const missingAccess = (): ApiError => new ApiError(403, 50001, 'Missing Access');
export const cannotDm = (): ApiError => new ApiError(403, 50007, 'Cannot send messages to this user');
export const alreadyAcknowledged = (): ApiError => new ApiError(400, 40060, 'Interaction has already been acknowledged.');
