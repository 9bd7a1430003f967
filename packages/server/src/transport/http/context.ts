// What every route handler is given: the core's ports, the fan-out and the configuration.
import type { Geocoder, Ports, PushSender } from '@fellwatch/core';
import type { Config } from '../../config/index.js';
import type { Fanout } from '../../fanout/port.js';

export interface AppContext {
  ports: Ports;
  fanout: Fanout;
  config: Config;
  /** what3words and postcode lookups; without one, addresses stay unchecked and postcodes unknown. */
  geocoder?: Geocoder;
  /** Web Push: the key browsers subscribe with, and which endpoints the server will reach. */
  push: PushSender;
}
