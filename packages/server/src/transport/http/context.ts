// What every route handler is given: the core's ports, the fan-out and the configuration.
import type { Ports } from '@fellwatch/core';
import type { Config } from '../../config/index.js';
import type { Fanout } from '../../fanout/port.js';

export interface AppContext {
  ports: Ports;
  fanout: Fanout;
  config: Config;
}
