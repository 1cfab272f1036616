// An unsigned, well-formed OIDC token: the mock Fulcio decodes it without checking the signature.
'use strict';
const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
module.exports = function token(sub, iss) {
  const now = Math.floor(Date.now() / 1000);
  return [b64url({ alg: 'RS256', typ: 'JWT' }), b64url({ iss, sub, aud: 'sigstore', iat: now, exp: now + 600 }), 'c2ln'].join('.');
};
