/**
 * The person's address and phone with the assignment (issue 15): on its page and in its PDF for
 * those who need them — the authority, and at the provider while it is new or accepted there —
 * not once the provider stopped it, and never a protected identity's address (nor, on paper, its
 * phone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { TEST_PASSWORD, type TestWorld, type UserKey } from '../../../../test/factories.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { createDeliveryRows, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
});
afterAll(async () => server?.close());

const ADDRESS = { street: 'Östra Ängsgatan 3', postalCode: '123 45', city: 'Älvsjö', validFrom: '2020-01-01' };

/** A person at the authority with an address and phones, and an assignment sent to Hemtjänst egen regi. */
async function sentToProvider(options: { protectedIdentity?: boolean } = {}) {
  const person = await world.createPerson(['aoAuthority'], {
    firstName: 'Märta',
    lastName: 'Åkesson',
    protectedIdentity: options.protectedIdentity ?? false,
    address: ADDRESS,
  });
  await server.ownerDb
    .updateTable('persons')
    .set({ phone: '08-765 43 21', mobile_phone: '070-123 45 67' })
    .where('id', '=', person.id)
    .execute();
  return { personId: person.id, sent: await createSentAssignment(server.ownerDb, world, person.id) };
}

/** The PDF's text, fetched with the user's own session (TestClient reads bodies as text). */
async function documentText(user: UserKey, assignmentId: string): Promise<string> {
  const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: world.users[user].username, password: TEST_PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .find((value) => value.startsWith('vardag_session='))!
    .split(';')[0]!;
  const response = await fetch(`${server.baseUrl}/api/assignments/${assignmentId}/document.pdf`, {
    headers: { cookie },
  });
  expect(response.status, user).toBe(200);
  return pdfText(new Uint8Array(await response.arrayBuffer()));
}

const readAs = async (user: UserKey, assignmentId: string) =>
  (await world.signIn(user)).get(`/api/assignments/${assignmentId}`);

describe('the person’s address and phone with the assignment', () => {
  it('are on the page and in the PDF for the provider’s manager of a new assignment, å ä ö intact, and for the authority', async () => {
    const { sent } = await sentToProvider();
    for (const user of ['unitManager', 'caseOfficer'] as const) {
      const read = await readAs(user, sent.assignmentId);
      expect(read.status, user).toBe(200);
      expect(read.body.personContact, user).toEqual({
        address: { ...ADDRESS, id: expect.any(String), careOf: null },
        phone: '08-765 43 21',
        mobilePhone: '070-123 45 67',
      });
      const text = await documentText(user, sent.assignmentId);
      expect(text).toContain('Märta Åkesson');
      expect(text).toContain('Östra Ängsgatan 3, 123 45 Älvsjö');
      expect(text).toContain('08-765 43 21, 070-123 45 67 (mobil)');
      expect(text).toContain('Adress och telefon som de står i Vardag när dokumentet skrivs ut.');
    }
  });

  it('are there for care staff once the assignment is distributed to their unit', async () => {
    const { sent } = await sentToProvider();
    await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    const read = await readAs('careStaff', sent.assignmentId);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('accepted');
    expect(read.body.personContact.address.street).toBe('Östra Ängsgatan 3');
    expect(await documentText('careStaff', sent.assignmentId)).toContain('Östra Ängsgatan 3, 123 45 Älvsjö');
  });

  it('leave the provider’s view once the provider stopped the assignment, and stay with the authority', async () => {
    const { sent } = await sentToProvider();
    await server.ownerDb
      .updateTable('assignment_states')
      .set({ status: 'stopped', message: 'Fel utförare.' })
      .where('assignment_id', '=', sent.assignmentId)
      .execute();
    const atProvider = await readAs('unitManager', sent.assignmentId);
    expect(atProvider.status).toBe(200);
    expect(atProvider.body.personContact).toBeNull();
    const text = await documentText('unitManager', sent.assignmentId);
    expect(text).not.toContain('Ängsgatan');
    expect(text).not.toContain('070-123 45 67');
    expect(text).toContain('Visas inte: uppdraget är inte aktuellt hos utföraren');
    expect((await readAs('caseOfficer', sent.assignmentId)).body.personContact.phone).toBe('08-765 43 21');
  });

  it('never show a protected identity’s address, and the PDF prints neither address nor phone, even where it prints the name', async () => {
    const { sent } = await sentToProvider({ protectedIdentity: true });
    const read = await readAs('unitManager', sent.assignmentId);
    expect(read.body.personContact).toEqual({ address: null, phone: '08-765 43 21', mobilePhone: '070-123 45 67' });
    const text = await documentText('unitManager', sent.assignmentId);
    expect(text).toContain('Märta Åkesson');
    expect(text).toContain('Skyddad identitet – visas inte');
    expect(text).not.toContain('Ängsgatan');
    expect(text).not.toContain('08-765 43 21');
  });
});
