// Runs graphql-http's audit (the reference suite of the GraphQL-over-HTTP spec) against a running host.
// Usage: node audit.mjs <url of /graphql> <shop id>. Prints one line per audit; exits 1 when any audit is an error.
import { auditServer } from 'graphql-http';

const [url, shopId] = process.argv.slice(2);
if (!url || !shopId) {
  console.error('usage: node audit.mjs <url> <shop id>');
  process.exit(2);
}
// every request names the shop, as storefronts do
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('X-Shop-Id', shopId);
  return fetch(input, { ...init, headers });
};
const results = await auditServer({ url, fetchFn });
for (const result of results) {
  const reason = result.status === 'ok' ? '' : ` -- ${result.reason}`;
  console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}${reason}`);
}
const errors = results.filter((result) => result.status === 'error').length;
const warnings = results.filter((result) => result.status === 'warn').length;
console.log(`${results.length} audits, ${errors} errors, ${warnings} warnings`);
process.exit(errors === 0 ? 0 : 1);
