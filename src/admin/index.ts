import "../common/theme/tokens.css";
import "./shell/ak-admin-interface.ts";
