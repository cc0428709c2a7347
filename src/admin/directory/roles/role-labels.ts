import { absolutePath } from "../../../common/router/route-match.ts";
import { adminBase } from "../../routes.ts";

export const roleHref = (role: { pk: string }) => absolutePath(`/identity/roles/${role.pk}`, adminBase);
export const rolesHref = () => absolutePath("/identity/roles", adminBase);
