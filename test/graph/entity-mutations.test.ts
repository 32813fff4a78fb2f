import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';
import { seedSmallGraph } from '../support/fixture';
import { failure, networkVersion, snapshot } from '../support/mutations';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedSmallGraph(t.db);
});
afterAll(() => t.stop());

const HCP_FIELDS =
  'id name firstName lastName specialty email preferredChannel institution { id } territory { id } therapeuticAreas { id }';
const CREATE_HCP = gql`mutation ($input: CreateHcpInput!) { createHcp(input: $input) { ${HCP_FIELDS} } }`;
const UPDATE_HCP = gql`mutation ($id: ID!, $input: UpdateHcpInput!) { updateHcp(id: $id, input: $input) { ${HCP_FIELDS} } }`;
const CREATE_INSTITUTION = gql`
  mutation ($input: CreateInstitutionInput!) {
    createInstitution(input: $input) {
      id
      name
      type
      city
      country
      territory {
        id
      }
      hcps {
        totalCount
      }
    }
  }
`;
const UPDATE_INSTITUTION = gql`
  mutation ($id: ID!, $input: UpdateInstitutionInput!) {
    updateInstitution(id: $id, input: $input) {
      id
      name
      type
      city
      country
      territory {
        id
      }
    }
  }
`;
const CREATE_MSL = gql`
  mutation ($input: CreateMslInput!) {
    createMsl(input: $input) {
      id
      name
      email
      territory {
        id
      }
      therapeuticAreas {
        id
      }
    }
  }
`;
const UPDATE_MSL = gql`
  mutation ($id: ID!, $input: UpdateMslInput!) {
    updateMsl(id: $id, input: $input) {
      id
      name
      firstName
      email
      territory {
        id
      }
      therapeuticAreas {
        id
      }
    }
  }
`;

/** Expects the call to fail with `code` (and `field`) and to have written nothing. */
async function rejects(query: string, variables: Record<string, unknown>, code: string, field?: string): Promise<void> {
  const before = await snapshot(t);
  const got = await failure(t.client().request(query, variables));
  expect(got).toEqual(field === undefined ? { code, field: undefined } : { code, field });
  expect(await snapshot(t)).toBe(before);
}

describe('createHcp', () => {
  it('creates an HCP with its references; the territory defaults to the institution’s; the network version moves', async () => {
    const version = await networkVersion(t);
    const data = await t.client().request<{ createHcp: unknown }>(CREATE_HCP, {
      input: {
        id: 'hcp-new',
        firstName: ' Eva ',
        lastName: 'Nova',
        specialty: 'Oncology',
        email: 'eva@example.org',
        institutionId: 'inst-a',
        therapeuticAreaIds: ['ta-onc', 'ta-card', 'ta-onc'],
        preferredChannel: 'EMAIL',
      },
    });
    expect(data.createHcp).toEqual({
      id: 'hcp-new',
      name: 'Eva Nova',
      firstName: 'Eva',
      lastName: 'Nova',
      specialty: 'Oncology',
      email: 'eva@example.org',
      preferredChannel: 'EMAIL',
      institution: { id: 'inst-a' },
      territory: { id: 'ter-a' },
      therapeuticAreas: [{ id: 'ta-card' }, { id: 'ta-onc' }],
    });
    const read = await t.client().request<{ hcp: unknown }>(gql`{ hcp(id: "hcp-new") { ${HCP_FIELDS} } }`);
    expect(read.hcp).toEqual(data.createHcp);
    expect(await networkVersion(t)).toBe(version + 1);
  });

  it('generates an id when none is given, and stores only the given fields', async () => {
    const data = await t
      .client()
      .request<{ createHcp: { id: string; email: string | null; institution: null; territory: null; therapeuticAreas: [] } }>(CREATE_HCP, {
        input: { firstName: 'Gen', lastName: 'Erated' },
      });
    expect(data.createHcp.id).toMatch(/^hcp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(data.createHcp).toMatchObject({ email: null, institution: null, territory: null, therapeuticAreas: [] });
    const [row] = await t.db.read<{ keys: string[] }>('MATCH (h:HCP {id: $id}) RETURN keys(h) AS keys', { id: data.createHcp.id });
    expect(row.keys.sort()).toEqual(['firstName', 'id', 'lastName']);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const ok = { firstName: 'Ok', lastName: 'Name' };
    await rejects(CREATE_HCP, { input: { ...ok, firstName: '' } }, 'BAD_USER_INPUT', 'firstName');
    await rejects(CREATE_HCP, { input: { ...ok, lastName: '   ' } }, 'BAD_USER_INPUT', 'lastName');
    await rejects(CREATE_HCP, { input: { ...ok, firstName: 'x'.repeat(201) } }, 'BAD_USER_INPUT', 'firstName');
    await rejects(CREATE_HCP, { input: { ...ok, email: 'not-an-email' } }, 'BAD_USER_INPUT', 'email');
    await rejects(CREATE_HCP, { input: { ...ok, email: 'a@b' } }, 'BAD_USER_INPUT', 'email');
    await rejects(CREATE_HCP, { input: { ...ok, id: 'has space' } }, 'BAD_USER_INPUT', 'id');
    await rejects(CREATE_HCP, { input: { ...ok, id: '-leading-dash' } }, 'BAD_USER_INPUT', 'id');
    await rejects(CREATE_HCP, { input: { ...ok, id: 'x'.repeat(129) } }, 'BAD_USER_INPUT', 'id');
    await rejects(CREATE_HCP, { input: { ...ok, id: 'hcp-1' } }, 'BAD_USER_INPUT', 'id');
    await rejects(CREATE_HCP, { input: { ...ok, therapeuticAreaIds: [''] } }, 'BAD_USER_INPUT', 'therapeuticAreaIds');
  });

  it('rejects a bad enum value with BAD_USER_INPUT and writes nothing', async () => {
    const before = await snapshot(t);
    const got = await failure(
      t.client().request(CREATE_HCP, { input: { firstName: 'A', lastName: 'B', preferredChannel: 'CARRIER_PIGEON' } }),
    );
    expect(got.code).toBe('BAD_USER_INPUT');
    expect(await snapshot(t)).toBe(before);
  });

  it('lets exactly one of several concurrent creates of the same id win; the others get BAD_USER_INPUT on id', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        t.client().request(CREATE_HCP, { input: { id: 'hcp-race', firstName: `Racer${i}`, lastName: 'Same' } }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')) {
      expect(await failure(Promise.reject(attempt.reason))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    }
    const [row] = await t.db.read<{ n: number }>("MATCH (h:HCP {id: 'hcp-race'}) RETURN count(h) AS n");
    expect(row.n).toBe(1);
  });

  it('answers NOT_FOUND for unknown references, writing nothing', async () => {
    const ok = { id: 'hcp-ref', firstName: 'Ok', lastName: 'Name' };
    await rejects(CREATE_HCP, { input: { ...ok, institutionId: 'inst-nope' } }, 'NOT_FOUND');
    await rejects(CREATE_HCP, { input: { ...ok, territoryId: 'ter-nope' } }, 'NOT_FOUND');
    await rejects(CREATE_HCP, { input: { ...ok, therapeuticAreaIds: ['ta-onc', 'ta-nope'] } }, 'NOT_FOUND');
  });
});

describe('updateHcp', () => {
  it('changes the given fields, clears nulls, replaces references, leaves the rest', async () => {
    await t.client().request(CREATE_HCP, {
      input: {
        id: 'hcp-up',
        firstName: 'Up',
        lastName: 'Date',
        specialty: 'Oncology',
        email: 'up@example.org',
        institutionId: 'inst-a',
        therapeuticAreaIds: ['ta-onc'],
      },
    });
    const version = await networkVersion(t);
    const data = await t.client().request<{ updateHcp: unknown }>(UPDATE_HCP, {
      id: 'hcp-up',
      input: { lastName: 'Dated', specialty: null, institutionId: 'inst-b', territoryId: 'ter-b', therapeuticAreaIds: ['ta-card'] },
    });
    expect(data.updateHcp).toEqual({
      id: 'hcp-up',
      name: 'Up Dated',
      firstName: 'Up',
      lastName: 'Dated',
      specialty: null,
      email: 'up@example.org',
      preferredChannel: null,
      institution: { id: 'inst-b' },
      territory: { id: 'ter-b' },
      therapeuticAreas: [{ id: 'ta-card' }],
    });
    const [row] = await t.db.read<{ rels: number }>("MATCH (:HCP {id: 'hcp-up'})-[r]->() RETURN count(r) AS rels");
    expect(row.rels).toBe(3);
    expect(await networkVersion(t)).toBe(version + 1);

    const cleared = await t.client().request<{ updateHcp: { institution: null; therapeuticAreas: [] } }>(UPDATE_HCP, {
      id: 'hcp-up',
      input: { institutionId: null, therapeuticAreaIds: [] },
    });
    expect(cleared.updateHcp).toMatchObject({ institution: null, therapeuticAreas: [], territory: { id: 'ter-b' } });
  });

  it('rejects bad input and unknown ids, writing nothing', async () => {
    await rejects(UPDATE_HCP, { id: 'hcp-1', input: {} }, 'BAD_USER_INPUT', 'input');
    await rejects(UPDATE_HCP, { id: 'hcp-1', input: { firstName: null } }, 'BAD_USER_INPUT', 'firstName');
    await rejects(UPDATE_HCP, { id: 'hcp-1', input: { lastName: '' } }, 'BAD_USER_INPUT', 'lastName');
    await rejects(UPDATE_HCP, { id: 'hcp-1', input: { email: 'x@' } }, 'BAD_USER_INPUT', 'email');
    await rejects(UPDATE_HCP, { id: 'hcp-nope', input: { firstName: 'X' } }, 'NOT_FOUND');
    await rejects(UPDATE_HCP, { id: 'hcp-1', input: { institutionId: 'inst-nope' } }, 'NOT_FOUND');
    await rejects(UPDATE_HCP, { id: 'hcp-1', input: { firstName: 'Changed', therapeuticAreaIds: ['ta-nope'] } }, 'NOT_FOUND');
  });
});

describe('institutions', () => {
  it('creates and updates an institution', async () => {
    const created = await t.client().request<{ createInstitution: unknown }>(CREATE_INSTITUTION, {
      input: { id: 'inst-new', name: 'New Centre', type: 'ACADEMIC_MEDICAL_CENTER', city: 'Lyon', territoryId: 'ter-b' },
    });
    expect(created.createInstitution).toEqual({
      id: 'inst-new',
      name: 'New Centre',
      type: 'ACADEMIC_MEDICAL_CENTER',
      city: 'Lyon',
      country: null,
      territory: { id: 'ter-b' },
      hcps: { totalCount: 0 },
    });
    const updated = await t.client().request<{ updateInstitution: unknown }>(UPDATE_INSTITUTION, {
      id: 'inst-new',
      input: { name: 'Renamed', city: null, territoryId: 'ter-a' },
    });
    expect(updated.updateInstitution).toEqual({
      id: 'inst-new',
      name: 'Renamed',
      type: 'ACADEMIC_MEDICAL_CENTER',
      city: null,
      country: null,
      territory: { id: 'ter-a' },
    });
    const generated = await t
      .client()
      .request<{ createInstitution: { id: string; territory: null } }>(CREATE_INSTITUTION, { input: { name: 'Nameless' } });
    expect(generated.createInstitution.id).toMatch(/^inst-[0-9a-f-]{36}$/);
    expect(generated.createInstitution.territory).toBeNull();
  });

  it('rejects bad input and unknown ids, writing nothing', async () => {
    await rejects(CREATE_INSTITUTION, { input: { name: '' } }, 'BAD_USER_INPUT', 'name');
    await rejects(CREATE_INSTITUTION, { input: { id: 'inst-a', name: 'Dup' } }, 'BAD_USER_INPUT', 'id');
    await rejects(CREATE_INSTITUTION, { input: { id: 'bad id!', name: 'X' } }, 'BAD_USER_INPUT', 'id');
    await rejects(CREATE_INSTITUTION, { input: { name: 'X', territoryId: 'ter-nope' } }, 'NOT_FOUND');
    await rejects(UPDATE_INSTITUTION, { id: 'inst-a', input: { name: ' ' } }, 'BAD_USER_INPUT', 'name');
    await rejects(UPDATE_INSTITUTION, { id: 'inst-a', input: {} }, 'BAD_USER_INPUT', 'input');
    await rejects(UPDATE_INSTITUTION, { id: 'inst-nope', input: { name: 'X' } }, 'NOT_FOUND');
    await rejects(UPDATE_INSTITUTION, { id: 'inst-a', input: { territoryId: 'ter-nope' } }, 'NOT_FOUND');
  });
});

describe('MSLs', () => {
  it('creates and updates an MSL', async () => {
    const created = await t.client().request<{ createMsl: unknown }>(CREATE_MSL, {
      input: {
        id: 'msl-new',
        firstName: 'Noa',
        lastName: 'Berg',
        email: 'noa@pharma.example',
        territoryId: 'ter-a',
        therapeuticAreaIds: ['ta-onc'],
      },
    });
    expect(created.createMsl).toEqual({
      id: 'msl-new',
      name: 'Noa Berg',
      email: 'noa@pharma.example',
      territory: { id: 'ter-a' },
      therapeuticAreas: [{ id: 'ta-onc' }],
    });
    const updated = await t.client().request<{ updateMsl: unknown }>(UPDATE_MSL, {
      id: 'msl-new',
      input: { firstName: 'Noah', email: null, territoryId: 'ter-b', therapeuticAreaIds: ['ta-card', 'ta-onc'] },
    });
    expect(updated.updateMsl).toEqual({
      id: 'msl-new',
      name: 'Noah Berg',
      firstName: 'Noah',
      email: null,
      territory: { id: 'ter-b' },
      therapeuticAreas: [{ id: 'ta-card' }, { id: 'ta-onc' }],
    });
    const listed = await t.client().request<{ territory: { msls: { id: string }[] } }>(gql`
      {
        territory(id: "ter-b") {
          msls {
            id
          }
        }
      }
    `);
    expect(listed.territory.msls.map((m) => m.id)).toEqual(['msl-2', 'msl-new']);
  });

  it('rejects bad input and unknown ids, writing nothing', async () => {
    await rejects(CREATE_MSL, { input: { firstName: '', lastName: 'X' } }, 'BAD_USER_INPUT', 'firstName');
    await rejects(CREATE_MSL, { input: { firstName: 'X', lastName: 'Y', email: 'no at sign' } }, 'BAD_USER_INPUT', 'email');
    await rejects(CREATE_MSL, { input: { id: 'msl-1', firstName: 'X', lastName: 'Y' } }, 'BAD_USER_INPUT', 'id');
    await rejects(CREATE_MSL, { input: { firstName: 'X', lastName: 'Y', territoryId: 'ter-nope' } }, 'NOT_FOUND');
    await rejects(CREATE_MSL, { input: { firstName: 'X', lastName: 'Y', therapeuticAreaIds: ['ta-nope'] } }, 'NOT_FOUND');
    await rejects(UPDATE_MSL, { id: 'msl-1', input: { lastName: null } }, 'BAD_USER_INPUT', 'lastName');
    await rejects(UPDATE_MSL, { id: 'msl-nope', input: { firstName: 'X' } }, 'NOT_FOUND');
  });
});
