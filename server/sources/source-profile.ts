/** Who a source says the visitor is, whatever its protocol. */
export interface SourceProfile {
  /** The source's own identifier for the account (OpenID Connect's `sub`). */
  identifier: string;
  /** What the source says about the user, as a prompt stage would collect it (authentik's `prompt_data`). */
  properties: { username?: string; email?: string; name?: string };
}
