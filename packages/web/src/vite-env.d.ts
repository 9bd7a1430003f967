// Types of the build-time settings the web client reads.
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Map tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  readonly VITE_TILE_URL?: string;
  /** HTML attribution for the tile provider. */
  readonly VITE_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
