import { createContext } from "@lit/context";
import { api, unwrap } from "../api/client.ts";
import type { components } from "../api/schema.d.ts";

export type CurrentBrand = components["schemas"]["CurrentBrand"];

/** The brand serving this page, for elements below an interface (titles, logo). */
export const brandContext = createContext<CurrentBrand | undefined>(Symbol("ak-brand"));

/** The title used when the brand could not be loaded, or has none. */
export const defaultBrandTitle = "authentik";

export function loadBrand(signal?: AbortSignal): Promise<CurrentBrand> {
  return unwrap(api.GET("/core/brands/current/", { signal }));
}

/** A document title in authentik's form: `Users - authentik`. */
export function documentTitle(page: string, brand: CurrentBrand | undefined): string {
  const title = brand?.branding_title.trim() || defaultBrandTitle;
  return page ? `${page} - ${title}` : title;
}
