import "../common/theme/tokens.css";
import "./ak-flow-executor.ts";
