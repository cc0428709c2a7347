/** The title used when the brand could not be loaded, or has none. */
export const defaultBrandTitle = "authentik";

/** The brand's title, or the default when it has none. */
export function brandTitle(brand: { branding_title: string } | undefined): string {
  return brand?.branding_title.trim() || defaultBrandTitle;
}

/** A document title in authentik's form: `Users - authentik`, or the brand's title alone. */
export function documentTitle(page: string | undefined, brand: { branding_title: string } | undefined): string {
  return page ? `${page} - ${brandTitle(brand)}` : brandTitle(brand);
}
