// The Fanout contract, run against every adapter: delivery, order, unsubscribe, close and several nodes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Fanout, FanoutMessage } from './port.js';

export interface FanoutHarness {
  /** Opens one node's fan-out; nodes opened by one harness share a channel. */
  openNode(): Promise<Fanout>;
}

export interface FanoutContractOptions {
  /** Returns undefined to skip the whole suite (the reason already reported). */
  harness(): Promise<FanoutHarness | undefined>;
  /** Why several nodes cannot be modelled, if they cannot. */
  skipMultiNode?: string;
}

const groupMessage = (seq: number, frame = `[{"seq":${seq}}]`): FanoutMessage => ({
  kind: 'group',
  groupId: '01J00000000000000000000000',
  seq,
  frame,
});

/** Polls until `check` passes or the time runs out, then runs it one last time to report. */
async function eventually(check: () => void, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/** Registers the shared Fanout suite. */
export function describeFanoutContract(name: string, options: FanoutContractOptions): void {
  describe(`Fanout contract: ${name}`, () => {
    const open: Fanout[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((f) => f.close()));
    });

    async function node(): Promise<Fanout | undefined> {
      const harness = await options.harness();
      if (!harness) return undefined;
      const fanout = await harness.openNode();
      open.push(fanout);
      return fanout;
    }

    it('delivers every kind of message to every subscriber, unchanged', async (ctx) => {
      const fanout = await node();
      if (!fanout)
        return ctx.skip('the service behind this adapter is unreachable (warned above; CI fails instead)');
      const first: FanoutMessage[] = [];
      const second: FanoutMessage[] = [];
      fanout.subscribe((m) => first.push(m));
      fanout.subscribe((m) => second.push(m));
      const frame = '[{"type":"message.posted","body":"line one\\nline \\"two\\" \u00e9 \ud83d\udc11"}]';
      const sent: FanoutMessage[] = [
        groupMessage(1, frame),
        {
          kind: 'membership',
          groupId: '01J00000000000000000000000',
          userId: '01J00000000000000000000001',
          status: 'removed',
        },
        { kind: 'sessions.revoked', userId: '01J00000000000000000000001', sessionIds: ['a', 'b'] },
      ];
      for (const m of sent) await fanout.publish(m);
      await eventually(() => expect(second).toHaveLength(3));
      expect(first).toEqual(sent);
      expect(second).toEqual(sent);
    });

    it('keeps the order of one publisher', async (ctx) => {
      const fanout = await node();
      if (!fanout)
        return ctx.skip('the service behind this adapter is unreachable (warned above; CI fails instead)');
      const seen: number[] = [];
      fanout.subscribe((m) => {
        if (m.kind === 'group') seen.push(m.seq);
      });
      const sends: Promise<void>[] = [];
      // Not awaited one by one: order must hold even when publishes overlap.
      for (let seq = 1; seq <= 200; seq++) sends.push(fanout.publish(groupMessage(seq)));
      await Promise.all(sends);
      await eventually(() => expect(seen).toHaveLength(200));
      expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    });

    it('stops delivering to a listener once it unsubscribes', async (ctx) => {
      const fanout = await node();
      if (!fanout)
        return ctx.skip('the service behind this adapter is unreachable (warned above; CI fails instead)');
      const leaving: number[] = [];
      const staying: number[] = [];
      const unsubscribe = fanout.subscribe((m) => m.kind === 'group' && leaving.push(m.seq));
      fanout.subscribe((m) => m.kind === 'group' && staying.push(m.seq));
      await fanout.publish(groupMessage(1));
      await eventually(() => expect(leaving).toEqual([1]));
      unsubscribe();
      unsubscribe();
      await fanout.publish(groupMessage(2));
      await eventually(() => expect(staying).toEqual([1, 2]));
      expect(leaving).toEqual([1]);
    });

    it('refuses to publish after close, and close is idempotent', async (ctx) => {
      const fanout = await node();
      if (!fanout)
        return ctx.skip('the service behind this adapter is unreachable (warned above; CI fails instead)');
      const seen: FanoutMessage[] = [];
      fanout.subscribe((m) => seen.push(m));
      await fanout.close();
      await fanout.close();
      await expect(fanout.publish(groupMessage(1))).rejects.toThrow(/closed/);
      expect(seen).toEqual([]);
    });

    it('carries one node’s messages to every node, itself included', async (ctx) => {
      if (options.skipMultiNode) return ctx.skip(options.skipMultiNode);
      const a = await node();
      const b = await node();
      if (!a || !b)
        return ctx.skip('the service behind this adapter is unreachable (warned above; CI fails instead)');
      const atA: number[] = [];
      const atB: number[] = [];
      a.subscribe((m) => m.kind === 'group' && atA.push(m.seq));
      b.subscribe((m) => m.kind === 'group' && atB.push(m.seq));
      for (let seq = 1; seq <= 50; seq++) void a.publish(groupMessage(seq));
      await b.publish(groupMessage(1000));
      const fromA = Array.from({ length: 50 }, (_, i) => i + 1);
      await eventually(() => {
        expect(atA.filter((s) => s < 1000)).toEqual(fromA);
        expect(atB.filter((s) => s < 1000)).toEqual(fromA);
        expect(atA).toContain(1000);
        expect(atB).toContain(1000);
      });
    });
  });
}
