// Verifies a bundle with @sigstore/verify against a trusted_root.json, fully offline (no TUF).
// Usage: node verify.js <trusted_root.json> <bundle.json> <san> <issuer> [artifactFile]
// Prints the signer's SAN on success; exits 1 with the verification error code otherwise.
'use strict';
const fs = require('node:fs');
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

function main([rootFile, bundleFile, san, issuer, artifactFile]) {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(fs.readFileSync(rootFile, 'utf8'))));
  const bundle = bundleFromJSON(JSON.parse(fs.readFileSync(bundleFile, 'utf8')));
  const entity = toSignedEntity(bundle, artifactFile ? fs.readFileSync(artifactFile) : undefined);
  const signer = new Verifier(trust).verify(entity, { subjectAlternativeName: san, extensions: { issuer } });
  console.log(signer.identity ? signer.identity.subjectAlternativeName : san);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(`${e.code || e.name}: ${e.message}`);
  process.exit(1);
}
