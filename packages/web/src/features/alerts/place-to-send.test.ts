// Unit tests of placeToSend: which typed places a form looks up before sending, and what the form is
// shown while it does. The server's answer is stood in for by a mock of the place look-up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolvePlace } from '../../api/alerts.js';
import { networkError } from '../../api/errors.js';
import { NO_PLACE, type PlaceValue, placeToSend } from './place-field.js';

vi.mock('../../api/alerts.js', () => ({ resolvePlace: vi.fn() }));
const resolve = vi.mocked(resolvePlace);

function recorder() {
  const busy: (string | null)[] = [];
  const placed: PlaceValue[] = [];
  return {
    busy,
    placed,
    check: {
      near: null,
      setBusy: (label: string | null) => busy.push(label),
      setPlace: (v: PlaceValue) => placed.push(v),
    },
  };
}

const TYPED: PlaceValue = { ...NO_PLACE, typed: 'NY 949 256' };
const POINT = { lat: 54.6, lng: -2.08 };

afterEach(() => resolve.mockReset());

describe('placeToSend', () => {
  it('sends a place with a point, or with nothing typed, as it is, asking nobody', async () => {
    const { check, busy } = recorder();
    const located: PlaceValue = { ...TYPED, location: { lat: 54.6, lng: -2.08 } as PlaceValue['location'] };
    expect(await placeToSend(located, check)).toBe(located);
    expect(await placeToSend(NO_PLACE, check)).toBe(NO_PLACE);
    expect(await placeToSend({ ...TYPED, typedState: 'unchecked' }, check)).toEqual({
      ...TYPED,
      typedState: 'unchecked',
    });
    expect(resolve).not.toHaveBeenCalled();
    expect(busy).toEqual([]);
  });

  it('looks a typed place up, shows it in the field, and says "Finding the place…" meanwhile', async () => {
    resolve.mockResolvedValue({ checked: true, format: 'os-grid', location: POINT } as never);
    const { check, busy, placed } = recorder();
    const sent = await placeToSend(TYPED, check);
    expect(sent).toMatchObject({
      typed: 'NY 949 256',
      location: POINT,
      typedState: 'resolved',
      source: 'typed',
    });
    expect(placed).toEqual([sent]);
    expect(busy).toEqual(['Finding the place…', null]);
  });

  it('throws when there is no signal to look it up, and is no longer busy', async () => {
    resolve.mockRejectedValue(networkError());
    const { check, busy, placed } = recorder();
    await expect(placeToSend(TYPED, check)).rejects.toMatchObject({ code: 'network' });
    expect(placed).toEqual([]);
    expect(busy).toEqual(['Finding the place…', null]);
  });
});
