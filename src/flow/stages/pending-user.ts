import { html } from "lit";
import { msg } from "@lit/localize";

interface PendingUser {
  pending_user: string;
  pending_user_avatar: string;
  flow_info?: { cancel_url: string };
}

/** Who the flow is about, with a way to start over as someone else. */
export function pendingUser(c: PendingUser) {
  return html`<div class="user">
    <img src=${c.pending_user_avatar} alt="" />
    <span class="name">${c.pending_user}</span>
    <a href=${c.flow_info?.cancel_url ?? "/flows/-/cancel/"}>${msg("Not you?")}</a>
  </div>`;
}
