import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import { EXAMPLE_TABS } from '../../examples/operations';

/**
 * GraphiQL bundled from npm (no CDN), served at /graphql to browsers when GRAPHQL_IDE is on.
 * Tabs: an overview, then example operations for the front end, analysts and planners.
 * With JWT_SECRET set, the headers editor starts with the token the explorer stored.
 */

const auth = document.querySelector('meta[name="msl-graph-auth"]')?.getAttribute('content') === 'bearer';
let token = '';
try {
  token = localStorage.getItem('msl-graph-token') ?? '';
} catch {
  // storage disabled
}

const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

const OVERVIEW = `# MSL Graph: GraphQL API
#
# The tabs hold example operations (variables: demo ids):
#   front end: SearchHcps, HcpProfile (card + ego network)
#   analyst:   KolRanking, Communities
#   planner:   PlanningContext, IntroductionPaths,
#              TerritoryPlan (coverage gaps, reach)
# Typed versions: examples/ in the repository.
#${auth ? '\n# This server needs a token: Headers tab,\n# {"Authorization": "Bearer <jwt>"}\n#' : ''}
# Run: Ctrl-Enter. Schema: the Docs panel (book icon).

query Overview {
  kolRanking(first: 5) {
    rank
    score
    hcp { id name specialty }
  }
  msls { id name territory { name } }
}
`;

const headers = auth ? JSON.stringify({ Authorization: `Bearer ${token || '<jwt>'}` }, null, 2) : '';

const tabs = [
  { query: OVERVIEW, variables: '', headers },
  ...EXAMPLE_TABS.map((tab) => ({
    query: `# ${tab.user}\n${tab.query.replace(/^\n/, '').replace(/^ {2}/gm, '')}`,
    variables: JSON.stringify(tab.variables, null, 2),
    headers,
  })),
];

const root = document.getElementById('graphiql');
if (root) {
  root.textContent = '';
  createRoot(root).render(<GraphiQL fetcher={fetcher} defaultTabs={tabs} defaultHeaders={headers} shouldPersistHeaders={false} defaultEditorToolsVisibility="variables" />);
}
