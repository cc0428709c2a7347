import { z } from "@hono/zod-openapi";
import type { roles } from "../../db/schema.ts";

export type RoleRow = typeof roles.$inferSelect;

export const Role = z
  .object({ pk: z.uuid().openapi({ readOnly: true }), name: z.string().max(150) })
  .openapi("Role", { description: "Role serializer" });

export const RoleRequest = z.object({ name: z.string().trim().min(1).max(150) }).openapi("RoleRequest", { description: "Role serializer" });

export const PatchedRoleRequest = RoleRequest.partial().openapi("PatchedRoleRequest", { description: "Role serializer" });

export const serializeRole = (role: RoleRow): z.infer<typeof Role> => ({ pk: role.pk, name: role.name });
