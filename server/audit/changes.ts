import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import type { Db } from "../db/client.ts";

/** The kinds of admin change, named as authentik's event actions name them. */
export type ChangeAction = "model_created" | "model_updated" | "model_deleted" | "password_set";

/** A kind of object admins change, and how one of them is named in a change. */
export interface AdminModel<Row> {
  app: string;
  model_name: string;
  describe(row: Row): { pk: string | number; name: string };
}

/** Who changed what: the shape of authentik's `model_*` event context, so an audit log can store it as is. */
export interface AdminChange {
  action: ChangeAction;
  model: { app: string; model_name: string; pk: string | number; name: string };
  actor: { pk: number; username: string } | null;
}

/** Called inside the change's transaction, so whatever it writes commits or rolls back with the change. */
export type ChangeListener = (change: AdminChange, tx: Db) => void | Promise<void>;

const listeners = new Set<ChangeListener>();

/** Registers a listener for every admin change; returns a function that removes it. */
export function onAdminChange(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs one admin write in a transaction and reports it, with the signed-in user as actor. Every
 * create, update and delete of an admin model goes through here.
 */
export async function applyChange<Row>(
  c: Context<AppEnv>,
  action: ChangeAction,
  model: AdminModel<NoInfer<Row>>,
  write: (tx: Db) => Promise<Row>,
): Promise<Row> {
  const user = c.get("session").user;
  const actor = user ? { pk: user.pk, username: user.username } : null;
  return c.get("deps").db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const row = await write(tx);
    const change: AdminChange = { action, model: { app: model.app, model_name: model.model_name, ...model.describe(row) }, actor };
    for (const listener of listeners) await listener(change, tx);
    return row;
  });
}
