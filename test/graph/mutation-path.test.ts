import { gql } from 'graphql-request';
import { Database } from '../../src/db/database';
import { AuditRepository } from '../../src/graph/audit/audit.repository';
import { signToken } from '../../src/http/auth';
import { TestApp, startTestApp } from '../support/app';
import { seedSmallGraph } from '../support/fixture';
import { failure, snapshot } from '../support/mutations';

/**
 * Every mutation takes one path (src/graph/common/mutation.ts): its audit event is written in the
 * mutation's own transaction, so when the event cannot be written nothing is; and authorization
 * that reads the database runs inside that transaction.
 */
const SECRET = 'mutation-path-test-secret-0123456789';
const ADMIN = signToken(SECRET, { sub: 'admin-1', roles: ['ADMIN'] }, '1h');
const MSL2 = signToken(SECRET, { sub: 'msl-user-2', roles: ['MSL'], mslId: 'msl-2' }, '1h');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET });
  await seedSmallGraph(t.db);
});
afterAll(() => t.stop());
afterEach(() => jest.restoreAllMocks());

const WRITES: [string, string, Record<string, unknown>][] = [
  [
    'createHcp',
    gql`
      mutation ($input: CreateHcpInput!) {
        createHcp(input: $input) {
          id
        }
      }
    `,
    { input: { id: 'hcp-audit', firstName: 'A', lastName: 'B' } },
  ],
  [
    'linkHcps',
    gql`
      mutation {
        linkHcps(sourceId: "hcp-1", targetId: "hcp-2", type: MENTOR, weight: 0.5) {
          weight
        }
      }
    `,
    {},
  ],
  [
    'logInteraction',
    gql`
      mutation ($input: LogInteractionInput!) {
        logInteraction(input: $input) {
          id
        }
      }
    `,
    { input: { id: 'int-audit', mslId: 'msl-1', hcpId: 'hcp-1', date: '2025-04-02', channel: 'VIRTUAL', sentiment: 'NEUTRAL' } },
  ],
  [
    'addRestrictedWord',
    gql`
      mutation {
        addRestrictedWord(word: "audited") {
          id
        }
      }
    `,
    {},
  ],
  [
    'scheduleInteraction',
    gql`
      mutation ($input: ScheduleInteractionInput!) {
        scheduleInteraction(input: $input) {
          planned {
            id
          }
        }
      }
    `,
    { input: { id: 'plan-audit', mslId: 'msl-1', hcpId: 'hcp-1', date: '2030-01-02', channel: 'EMAIL' } },
  ],
];

describe('the audit event is part of the mutation', () => {
  it.each(WRITES)('%s: when the audit event cannot be written, the mutation fails and writes nothing', async (_name, query, variables) => {
    // An audit write the database refuses (division by zero when the event is created).
    jest
      .spyOn(AuditRepository.prototype, 'statement')
      .mockReturnValue({ cypher: 'CREATE (:AuditEvent {failed: 1 / toInteger($zero)})', params: { zero: 0 } });
    const before = await snapshot(t);
    expect(await failure(t.client(ADMIN).request(query, variables))).toEqual({ code: 'INTERNAL_SERVER_ERROR', field: undefined });
    expect(await snapshot(t)).toBe(before);
  });

  it.each(WRITES)('%s: with the audit store working, the write and its event commit together', async (name, query, variables) => {
    const events = async () => (await t.db.read<{ n: number }>('MATCH (e:AuditEvent {action: $name}) RETURN count(e) AS n', { name }))[0].n;
    const before = await events();
    await t.client(ADMIN).request(query, variables);
    expect(await events()).toBe(before + 1);
  });
});

describe('authorization that reads the database', () => {
  it("checks an interaction's owner inside the mutation's transaction, not in a separate read", async () => {
    const reads = jest.spyOn(Database.prototype, 'read');
    const streamedReads = jest.spyOn(Database.prototype, 'readEach');
    const before = await snapshot(t);
    reads.mockClear();
    streamedReads.mockClear();
    const capture = gql`
      mutation {
        captureInsight(interactionId: "int-1", text: "t", category: "c", audience: MARKETING) {
          id
        }
      }
    `;
    expect(await failure(t.client(MSL2).request(capture))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(reads).not.toHaveBeenCalled();
    expect(streamedReads).not.toHaveBeenCalled();
    expect(await snapshot(t)).toBe(before);
  });
});
