/** Where Discord sends a member back after signing in (also the redirect URL to register). */
export const REDIRECT_PATH = '/auth/callback';
