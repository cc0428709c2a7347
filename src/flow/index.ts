import "../common/theme/tokens.css";
// Before any element is defined: the elements then take over the markup the server rendered.
import "@lit-labs/ssr-client/lit-element-hydrate-support.js";
import "./ak-flow-executor.ts";
