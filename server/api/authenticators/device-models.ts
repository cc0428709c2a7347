import { z } from "@hono/zod-openapi";
import { deviceModels, type DeviceSummary } from "../../authenticators/devices.ts";
import { GroupMember } from "../core/group-models.ts";

const dateTime = () => z.iso.datetime({ offset: true });

export const Device = z
  .object({
    verbose_name: z.string().openapi({ readOnly: true }),
    verbose_name_plural: z.string().openapi({ readOnly: true }),
    meta_model_name: z.string().openapi({ readOnly: true }),
    pk: z.string(),
    name: z.string(),
    type: z.string().openapi({ readOnly: true }),
    confirmed: z.boolean(),
    created: dateTime().openapi({ readOnly: true }),
    last_updated: dateTime().openapi({ readOnly: true }),
    last_used: dateTime().nullable().openapi({ readOnly: true }),
    extra_description: z.string().openapi({ readOnly: true }),
  })
  .openapi("Device", { description: "Serializer for Duo authenticator devices" });

export function serializeDevice(device: DeviceSummary): z.infer<typeof Device> {
  const { verbose, app, model } = deviceModels[device.deviceClass];
  return {
    verbose_name: verbose,
    verbose_name_plural: `${verbose}s`,
    meta_model_name: `${app}.${model.toLowerCase()}`,
    pk: String(device.pk),
    name: device.name,
    type: `${app}.${model}`,
    confirmed: device.confirmed,
    created: device.created.toISOString(),
    last_updated: device.lastUpdated.toISOString(),
    last_used: device.lastUsed?.toISOString() ?? null,
    extra_description: device.remainingCodes === undefined ? "" : `${device.remainingCodes} remaining`,
  };
}

const user = GroupMember;
const id = z.number().int().openapi({ readOnly: true, title: "ID" });

export const TOTPDevice = z
  .object({ name: z.string().max(64), pk: id, user })
  .openapi("TOTPDevice", { description: "Serializer for totp authenticator devices" });

export const StaticDeviceToken = z
  .object({ token: z.string().max(16) })
  .openapi("StaticDeviceToken", { description: "Serializer for static device's tokens" });

export const StaticDevice = z
  .object({ name: z.string().max(64), token_set: z.array(StaticDeviceToken).openapi({ readOnly: true }), pk: id, user })
  .openapi("StaticDevice", { description: "Serializer for static authenticator devices" });

export const WebAuthnDeviceType = z
  .object({ aaguid: z.uuid(), description: z.string() })
  .openapi("WebAuthnDeviceType", { description: "WebAuthnDeviceType Serializer" });

export const WebAuthnDevice = z
  .object({
    pk: id,
    name: z.string().max(200),
    created_on: dateTime().openapi({ readOnly: true }),
    // Inline, not the named WebAuthnDeviceType: a nullable named schema would make that one nullable everywhere.
    device_type: z.object({ aaguid: z.uuid(), description: z.string() }).nullable().openapi({ readOnly: true }),
    aaguid: z.string().openapi({ readOnly: true }),
    user,
  })
  .openapi("WebAuthnDevice", { description: "Serializer for WebAuthn authenticator devices" });

/** The writable part of a device (its name), as authentik's `…DeviceRequest` and `Patched…DeviceRequest`. */
function deviceRequests(model: string, description: string, maxLength: number) {
  const name = z.string().trim().min(1).max(maxLength);
  return {
    put: z.object({ name }).openapi(`${model}Request`, { description }),
    patch: z.object({ name: name.optional() }).openapi(`Patched${model}Request`, { description }),
  };
}

export const TOTPDeviceRequests = deviceRequests("TOTPDevice", "Serializer for totp authenticator devices", 64);
export const StaticDeviceRequests = deviceRequests("StaticDevice", "Serializer for static authenticator devices", 64);
export const WebAuthnDeviceRequests = deviceRequests("WebAuthnDevice", "Serializer for WebAuthn authenticator devices", 200);
