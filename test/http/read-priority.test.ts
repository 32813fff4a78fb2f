import { gql } from 'graphql-request';
import { TestApp, errorCode, startTestApp } from '../support/app';

let t: TestApp;
/** Per reading() call: the gate's bound right after it, and whether it was released by the answer. */
let marks: { bound: number; released: boolean }[];

beforeAll(async () => {
  // No window after a query: the bound is seen to lift with the answer (the window: write-gate.test.ts).
  t = await startTestApp({ MAX_CONCURRENT_WRITES: '0', MAX_CONCURRENT_WRITES_WHILE_READING: '1', READ_PRIORITY_WINDOW_MS: '0' });
  const gate = t.db.writeGate;
  const reading = gate.reading.bind(gate);
  gate.reading = () => {
    const done = reading();
    const mark = { bound: gate.bound, released: false };
    marks.push(mark);
    return () => {
      mark.released = true;
      done();
    };
  };
});
beforeEach(() => (marks = []));
afterAll(() => t.stop());

describe('reads first (MAX_CONCURRENT_WRITES_WHILE_READING)', () => {
  it('lowers the write bound for the time of each query, and lifts it with the answer', async () => {
    await t.client().request(gql`
      {
        hcps(first: 1) {
          totalCount
        }
      }
    `);
    expect(marks).toEqual([{ bound: 1, released: true }]);
    expect(t.db.writeGate.bound).toBe(0);
  });

  it('does not count a mutation as a read', async () => {
    await t.client().request(gql`
      mutation {
        createHcp(input: { id: "hcp-read-priority", firstName: "R", lastName: "P" }) {
          id
        }
      }
    `);
    expect(marks).toEqual([]);
  });

  it('lifts the bound when a query fails, and marks nothing for a document that does not parse', async () => {
    expect(await errorCode(t.client().request('{ networkReach(fromId: "nobody", maxHops: 2) { total } }'))).toBe('NOT_FOUND');
    expect(marks).toEqual([{ bound: 1, released: true }]);
    marks = [];
    expect(await errorCode(t.client().request('{ hcps('))).toBe('GRAPHQL_PARSE_FAILED');
    expect(marks).toEqual([]);
    expect(t.db.writeGate.bound).toBe(0);
  });
});
