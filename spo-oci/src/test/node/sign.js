// Signs with sigstore-js against the loopback mock.
// Usage: node sign.js <serviceUrl> <attest|attest-tsa|blob> <inputFile> <bundleOut> <sub> <iss>
//   attest: DSSE over the in-toto statement in inputFile (attest-tsa: plus an RFC 3161 timestamp
//   from the mock TSA); blob: message signature over inputFile.
'use strict';
const fs = require('node:fs');
const { attest, sign } = require('sigstore');
const token = require('./jwt');

async function main([url, mode, input, out, sub, iss]) {
  const data = fs.readFileSync(input);
  const options = { fulcioURL: url, rekorURL: url, identityToken: token(sub, iss), retry: 0 };
  if (mode === 'attest-tsa') {
    options.tsaServerURL = url;
  }
  const bundle = mode.startsWith('attest') ? await attest(data, 'application/vnd.in-toto+json', options) : await sign(data, options);
  fs.writeFileSync(out, JSON.stringify(bundle));
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`${e.code || e.name}: ${e.message}${e.cause ? ` (cause: ${e.cause.message || e.cause})` : ''}`);
  process.exit(1);
});
