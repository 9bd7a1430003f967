// The tile layer every Fellwatch map uses: configurable URL, attribution, and a signal when tiles cannot load.
import L from 'leaflet';

const TILE_URL: string = import.meta.env.VITE_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION =
  import.meta.env.VITE_TILE_ATTRIBUTION ||
  '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors';

/**
 * Adds the tiles to a map. `onFailed(true)` when tiles keep failing before any arrived (weak signal, tile
 * server blocked): the map's grid background shows through, and the page says so in words.
 */
export function addTiles(map: L.Map, onFailed: (failed: boolean) => void): void {
  map.attributionControl.setPrefix(
    '<a href="https://leafletjs.com" target="_blank" rel="noopener noreferrer">Leaflet</a>',
  );
  let failures = 0;
  let anyLoaded = false;
  L.tileLayer(TILE_URL, { attribution: ATTRIBUTION, maxZoom: 18 })
    .on('tileerror', () => {
      failures++;
      if (!anyLoaded && failures >= 2) onFailed(true);
    })
    .on('tileload', () => {
      anyLoaded = true;
      onFailed(false);
    })
    .addTo(map);
}
