// Globals of the portal's classic scripts (hash.js, search-core.js): what they set on self/globalThis.
declare var portalHash: typeof import("../../docs/assets/portal/hash.js");
declare var PortalSearchCore: typeof import("../../docs/assets/portal/search-core.js");
