// The tile layer every Fellwatch map uses: the server's configured tiles, attribution, and a signal when
// tiles cannot load.
import type { InstanceInfo } from '@fellwatch/protocol';
import L from 'leaflet';
import { request } from '../api/http.js';

type MapTiles = InstanceInfo['mapTiles'];

/** Used until the server answers, and when it cannot: the maps still show points and outlines. */
const FALLBACK: MapTiles = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution:
    '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a> contributors',
};

let configured: Promise<MapTiles> | undefined;

/** The operator's tiles, asked for once per page load. */
function mapTiles(): Promise<MapTiles> {
  configured ??= request<InstanceInfo>('GET', '/instance')
    .then((info) => info.mapTiles)
    .catch(() => FALLBACK);
  return configured;
}

/**
 * Adds the tiles to a map. `onFailed(true)` when tiles keep failing before any arrived (weak signal, tile
 * server blocked): the map's grid background shows through, and the page says so in words.
 */
export function addTiles(map: L.Map, onFailed: (failed: boolean) => void): void {
  map.attributionControl.setPrefix(
    '<a href="https://leafletjs.com" target="_blank" rel="noopener noreferrer">Leaflet</a>',
  );
  void mapTiles().then((tiles) => {
    // The map may have been closed while the server answered.
    if (!map.getContainer().isConnected) return;
    let failures = 0;
    let anyLoaded = false;
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 })
      .on('tileerror', () => {
        failures++;
        if (!anyLoaded && failures >= 2) onFailed(true);
      })
      .on('tileload', () => {
        anyLoaded = true;
        onFailed(false);
      })
      .addTo(map);
  });
}
