// Reference for `npm run bench`: panva's oidc-provider issuing RS256 JWT access tokens for
// client_credentials (client_secret_basic) on the same machine. Port from argv[2].
import { generateKeyPairSync } from "node:crypto";
import Provider from "oidc-provider";

const port = Number(process.argv[2] ?? 3401);
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "ref" };

const provider = new Provider(`http://localhost:${port}`, {
  clients: [{ client_id: "bench", client_secret: "bench-secret-bench-secret-bench-secret", grant_types: ["client_credentials"], redirect_uris: [], response_types: [], token_endpoint_auth_method: "client_secret_basic" }],
  jwks: { keys: [jwk] },
  scopes: ["bench"],
  features: {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => "api://bench",
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: "bench", audience: "api://bench", accessTokenFormat: "jwt", accessTokenTTL: 3600, jwt: { sign: { alg: "RS256" } } }),
    },
  },
});
provider.listen(port, () => console.log(`oidc-provider reference on ${port}`));
