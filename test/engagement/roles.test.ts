import { gql } from 'graphql-request';
import { signToken } from '../../src/http/auth';
import { addDays, isoDate } from '../../src/engagement/dates';
import { TestApp, errorCode } from '../support/app';
import { startExclusiveTestApp } from './exclusive';

/** The engagement writes under JWT auth: restricted words are ADMIN's, an MSL schedules only as itself. */
const SECRET = 'engagement-test-secret-0123456789abcdef';
let t: TestApp;
const admin = signToken(SECRET, { sub: 'admin', roles: ['ADMIN'] });
const msl1 = signToken(SECRET, { sub: 'ines', roles: ['MSL'], mslId: 'msl-1' });
const analyst = signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] });

beforeAll(async () => {
  t = await startExclusiveTestApp({ JWT_SECRET: SECRET });
  await t.db.write("CREATE (:MSL {id: 'msl-1'}), (:MSL {id: 'msl-2'}), (:HCP {id: 'hcp-1', firstName: 'A', lastName: 'B'})");
});
afterAll(() => t.stop());

const ADD = gql`
  mutation {
    addRestrictedWord(word: "cure") {
      word
    }
  }
`;
const SCHEDULE = gql`
  mutation ($mslId: ID!) { scheduleInteraction(input: {mslId: $mslId, hcpId: "hcp-1", date: "${addDays(isoDate(new Date()), 3)}", channel: EMAIL}) { planned { id } } }
`;

it('lets only ADMIN manage restricted words; anyone signed in reads them', async () => {
  expect(await errorCode(t.client().request(ADD))).toBe('UNAUTHENTICATED');
  expect(await errorCode(t.client(msl1).request(ADD))).toBe('FORBIDDEN');
  expect(await errorCode(t.client(analyst).request(ADD))).toBe('FORBIDDEN');
  expect(await t.client(admin).request(ADD)).toEqual({ addRestrictedWord: { word: 'cure' } });
  expect(
    await t.client(msl1).request(gql`
      {
        restrictedWords {
          word
        }
      }
    `),
  ).toEqual({ restrictedWords: [{ word: 'cure' }] });
});

it('lets an MSL schedule only as itself (ADMIN for anyone)', async () => {
  expect(await errorCode(t.client(msl1).request(SCHEDULE, { mslId: 'msl-2' }))).toBe('FORBIDDEN');
  await t.client(msl1).request(SCHEDULE, { mslId: 'msl-1' });
  await t.client(admin).request(SCHEDULE, { mslId: 'msl-2' });
  expect(await errorCode(t.client(analyst).request(SCHEDULE, { mslId: 'msl-1' }))).toBe('FORBIDDEN');
  const [{ n }] = await t.db.read<{ n: number }>('MATCH (p:PlannedInteraction) RETURN count(p) AS n');
  expect(n).toBe(2);
});

it('lets ANALYST read relationship health and the plan', async () => {
  const data = await t.client(analyst).request<{ staleRelationships: unknown[]; engagementPlan: unknown[] }>(gql`
    {
      staleRelationships(mslId: "msl-1") {
        hcp {
          id
        }
      }
      engagementPlan(mslId: "msl-1") {
        hcp {
          id
        }
      }
    }
  `);
  expect(data.staleRelationships).toEqual([]);
  expect(data.engagementPlan).toEqual([{ hcp: { id: 'hcp-1' } }]);
});
