// What the web client needs to know about this server before anyone signs in.
import { z } from 'zod';

/** Map tiles: a {z}/{x}/{y} URL template and its attribution (HTML, set by the operator). */
export const MapTiles = z.object({ url: z.string(), attribution: z.string() });

export const InstanceInfo = z.object({ mapTiles: MapTiles });
export type InstanceInfo = z.infer<typeof InstanceInfo>;
