/** A permission an application asks the user to grant, as the consent challenge lists it. */
export interface ConsentPermission {
  id: string;
  name: string;
}

declare module "../plan.ts" {
  interface PlanContext {
    /** The application this flow signs the user into (authentik's `application`), by pk. */
    application?: string;
    /** The sentence above the permissions, e.g. "You're about to sign into Grafana." */
    consent_header?: string;
    consent_permissions?: ConsentPermission[];
    /** Permissions asked for beyond those the user consented to before. */
    consent_additional_permissions?: ConsentPermission[];
    /** Echoed by the consent response, so only a consent shown in this flow can be given. */
    consent_token?: string;
  }
}

export {};
