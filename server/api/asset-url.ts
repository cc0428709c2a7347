import { z } from "@hono/zod-openapi";

export const FilePathRequest = z
  .object({ url: z.string().min(1) })
  .openapi("FilePathRequest", { description: "Serializer to upload file" });

/** Whether an image URL an admin sets (a flow background, a source icon) may be shown: https:// or a path on this server. */
export const isAssetUrl = (url: string) => /^(https:\/\/|\/)/.test(url) && !url.startsWith("//");

export const assetUrlError = "Enter an https:// URL or a path on this server.";
