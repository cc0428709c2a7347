import { msg } from "@lit/localize";
import { html } from "lit";
import { absolutePath } from "../../../common/router/route-match.ts";
import { adminBase } from "../../routes.ts";
import type { User, UserType } from "./user-api.ts";

export const userHref = (user: Pick<User, "pk">) => absolutePath(`/core/users/${user.pk}`, adminBase);
export const usersHref = () => absolutePath("/core/users", adminBase);

export function userTypeLabel(type: UserType | undefined): string {
  switch (type) {
    case "external":
      return msg("External");
    case "service_account":
      return msg("Service account");
    case "internal_service_account":
      return msg("Internal service account");
    default:
      return msg("Internal");
  }
}

/** "Alice Example (alice)", or the username alone. */
export const userLabel = (user: Pick<User, "username" | "name">) => (user.name ? `${user.name} (${user.username})` : user.username);

export const activeBadge = (active: boolean | undefined) =>
  active === false ? html`<span class="badge muted">${msg("Inactive")}</span>` : html`<span class="badge good">${msg("Active")}</span>`;
