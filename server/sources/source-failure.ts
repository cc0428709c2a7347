/** Why a sign-in through a source cannot go on, in words for the visitor (it names nothing secret). */
export class SourceFailure extends Error {}

/** A failure at the provider's end of the sign-in, in authentik's words. */
export const authenticationFailed = (reason: string) => new SourceFailure(`Authentication failed: ${reason}`);
