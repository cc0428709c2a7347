import { eq } from "drizzle-orm";
import { currentBrand } from "../../brands.ts";
import { users } from "../../db/schema.ts";
import type { UserRow } from "../../directory/users.ts";
import { relyingParty, type RelyingParty } from "../../authenticators/webauthn.ts";
import { pendingUser, pendingUserFields } from "../pending-user.ts";
import type { StageContext } from "../stage.ts";

/**
 * The user an authenticator stage is about: the flow's pending user (signing in), else whoever is
 * signed in (the setup flows a user runs from their settings).
 */
export async function stageUser({ db, plan, session }: StageContext): Promise<UserRow | undefined> {
  const pending = await pendingUser(db, plan.context);
  if (pending) return pending;
  if (!session.user) return undefined;
  const [user] = await db.select().from(users).where(eq(users.pk, session.user.pk));
  return user;
}

/** The `pending_user` and `pending_user_avatar` fields of an authenticator challenge. */
export const userFields = (user: UserRow | undefined, ctx: StageContext) => pendingUserFields(user, ctx.plan.context);

/** The brand's title, which names this site in authenticator apps and passkey prompts. */
export async function siteName({ db, origin }: StageContext): Promise<string> {
  const brand = await currentBrand(db, new URL(origin).host);
  return brand?.brandingTitle || "authentik";
}

export const relyingPartyOf = async (ctx: StageContext): Promise<RelyingParty> => relyingParty(ctx.origin, await siteName(ctx));
