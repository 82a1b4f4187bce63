// Stand-in for office-addin-manifest under jest (the real package is ESM-only and validates online).
export const OfficeAddinManifest = {};
