import "../common/theme/tokens.css";
import "./ak-user-interface.ts";
