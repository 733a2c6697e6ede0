import { expect, it } from 'vitest';
import { z } from 'zod';
import { Outbox } from '../../src/bus/Outbox.ts';
import { UnitOfWork } from '../../src/bus/UnitOfWork.ts';
import { createMessage } from '../../src/bus/createMessage.ts';
import { defineMessage } from '../../src/messages/defineMessage.ts';
import { EmbeddedStore } from '../../src/store/EmbeddedStore.ts';

const ParcelShipped = defineMessage('test.parcel.shipped', z.object({ parcelId: z.string() }));

it('stamps each recorded domain event with an id and the instant, and keeps whole messages as they are', async () => {
  const store = new EmbeddedStore({ database: 'unit-of-work-test' });
  const outbox = new Outbox(store);
  const unitOfWork = new UnitOfWork({ store, outbox });
  const command = createMessage('test.parcel.resend', { parcelId: 'p-0' }, new Date(0));
  const before = Date.now();

  await unitOfWork.run(async (_session, record) => {
    record(ParcelShipped.of({ parcelId: 'p-1' }), ParcelShipped.of({ parcelId: 'p-2' }), command);
  });

  const recorded = (await outbox.collection.find({}, { sort: { sequence: 1 } }).toArray()).map(
    (entry) => entry.message,
  );
  expect(recorded).toHaveLength(3);
  const [first, second, kept] = recorded;
  expect(first).toMatchObject({ type: 'test.parcel.shipped', payload: { parcelId: 'p-1' } });
  expect(second).toMatchObject({ type: 'test.parcel.shipped', payload: { parcelId: 'p-2' } });
  expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(first?.id).not.toBe(second?.id);
  expect(Date.parse(first?.occurredAt ?? '')).toBeGreaterThanOrEqual(before - 1);
  expect(kept).toEqual(command);
});
