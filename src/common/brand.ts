import { createContext } from "@lit/context";
import { api, unwrap } from "../api/client.ts";
import type { components } from "../api/schema.d.ts";

export type CurrentBrand = components["schemas"]["CurrentBrand"];

/** The brand serving this page, for elements below an interface (titles, logo). */
export const brandContext = createContext<CurrentBrand | undefined>(Symbol("ak-brand"));

export function loadBrand(signal?: AbortSignal): Promise<CurrentBrand> {
  return unwrap(api.GET("/core/brands/current/", { signal }));
}
