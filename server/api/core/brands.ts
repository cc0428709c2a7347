import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { currentBrand, flowSlugs } from "../../brands.ts";
import { responses } from "../common.ts";

const FooterLink = z
  .object({ href: z.string().nullable().openapi({ readOnly: true }), name: z.string().openapi({ readOnly: true }) })
  .openapi("FooterLink", { description: "Links returned in Config API" });

export const UiThemeEnum = z.enum(["automatic", "light", "dark"]).openapi("UiThemeEnum");

const CurrentBrand = z
  .object({
    matched_domain: z.string(),
    branding_title: z.string(),
    branding_logo: z.string(),
    branding_favicon: z.string(),
    branding_custom_css: z.string(),
    ui_footer_links: z.array(FooterLink).openapi({ readOnly: true }),
    ui_theme: UiThemeEnum.openapi({ readOnly: true }),
    flow_authentication: z.string().optional(),
    flow_invalidation: z.string().optional(),
    flow_recovery: z.string().optional(),
    flow_user_settings: z.string().optional(),
    default_locale: z.string().openapi({ readOnly: true }),
  })
  .openapi("CurrentBrand", { description: "Partial brand information for styling" });

const route = createRoute({
  method: "get",
  path: "/core/brands/current/",
  operationId: "core_brands_current_retrieve",
  tags: ["core"],
  description: "Get current brand",
  responses: responses(CurrentBrand),
});

export function registerBrands(api: OpenAPIHono<AppEnv>) {
  api.openapi(route, async (c) => {
    const brand = await currentBrandBody(c);
    if (!brand) return c.json({ detail: "No brand is configured.", code: "not_found" }, 403);
    return c.json(brand, 200);
  });
}

/** The brand for the request's host, as `/core/brands/current/` answers it; also written into the flow page. */
export async function currentBrandBody(c: Context<AppEnv>): Promise<z.infer<typeof CurrentBrand> | undefined> {
  const { db } = c.get("deps");
  const brand = await currentBrand(db, c.req.header("host") ?? "");
  if (!brand) return undefined;
  const [authentication, invalidation, recovery, userSettings] = await flowSlugs(db, [
    brand.flowAuthentication,
    brand.flowInvalidation,
    brand.flowRecovery,
    brand.flowUserSettings,
  ]);
  return {
    matched_domain: brand.domain,
    branding_title: brand.brandingTitle,
    branding_logo: brand.brandingLogo,
    branding_favicon: brand.brandingFavicon,
    branding_custom_css: brand.brandingCustomCss,
    ui_footer_links: [],
    ui_theme: "automatic",
    flow_authentication: authentication,
    flow_invalidation: invalidation,
    flow_recovery: recovery,
    flow_user_settings: userSettings,
    default_locale: brand.defaultLocale,
  };
}
