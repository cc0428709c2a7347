import { ChangeRefused } from "../api/validation.ts";
import type { Db } from "../db/client.ts";
import { isSuperuser } from "./users.ts";

/**
 * Refuses, inside the change's transaction so that it rolls back, a change that took the acting
 * admin's own superuser rights away: one bulk action must not lock its author out.
 */
export async function ensureActorKeepsSuperuser(tx: Db, actorPk: number | undefined): Promise<void> {
  if (actorPk !== undefined && !(await isSuperuser(tx, actorPk))) {
    throw new ChangeRefused({ non_field_errors: ["This change would take away your own superuser rights."] });
  }
}
