import { msg } from "@lit/localize";
import { html, nothing } from "lit";
import { absolutePath } from "../../../common/router/route-match.ts";
import { adminBase } from "../../routes.ts";

export const groupHref = (group: { pk: string }) => absolutePath(`/core/groups/${group.pk}`, adminBase);
export const groupsHref = () => absolutePath("/core/groups", adminBase);

export const superuserBadge = (superuser: boolean | undefined) =>
  superuser ? html`<span class="badge warning">${msg("Superuser")}</span>` : nothing;
