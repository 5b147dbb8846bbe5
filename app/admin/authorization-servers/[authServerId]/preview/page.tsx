import { PREVIEW_GRANT_TYPES, previewTokens, type PreviewGrantType, type PreviewResult } from "@/lib/dashboard/preview-tokens";
import { Picker } from "../../../_components/picker";
import { ChoiceGroup, DefinitionList, JsonBlock, Section, SelectField, buttonClass } from "../../../_components/ui";
import { read } from "../../../_lib/admin-request";
import { pickerSelection } from "../../../_lib/picker-selection";
import { chosen } from "@/lib/dashboard/pickers/picker-option";
import { loadServer, ServerHeader } from "../../_server-header";
import { loadScopeNames } from "../policies/_options";

export const metadata = { title: "Token preview" };

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const many = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function Claims({ title, claims, testId }: { title: string; claims: Record<string, unknown>; testId: string }) {
  return (
    <div className="min-w-0 flex-1">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      <JsonBlock label={title} value={claims} testId={testId} />
    </div>
  );
}

function Result({ result }: { result: PreviewResult }) {
  if (!result.ok) {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="preview-denied">
        <p className="font-semibold">
          Denied: <span className="font-mono">{result.error}</span>
        </p>
        <p className="mt-1">{result.description}</p>
        <p className="mt-2">
          <span className="font-medium">Why:</span> {result.reason}
        </p>
      </div>
    );
  }
  const warnings = [...result.accessToken.warnings, ...(result.idToken?.warnings ?? [])];
  return (
    <div className="flex flex-col gap-4" data-testid="preview-allowed">
      <DefinitionList
        items={[
          ["Policy", result.policy.name],
          ["Rule", result.rule.name],
          ["Granted scopes", result.grantedScopes.join(" ")],
          ["Access token lifetime", `${result.decision.accessTokenLifetimeMinutes} minutes`],
          ["Refresh token", result.refreshToken ? "Issued too (offline_access granted)" : "Not issued"],
        ]}
      />
      {warnings.length ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Claims left out</p>
          <ul className="list-disc pl-5">
            {warnings.map((warning) => (
              <li key={`${warning.claimId}-${warning.code}`}>
                <span className="font-mono">{warning.claimName}</span>: {warning.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-col gap-4 lg:flex-row">
        <Claims title="Access token claims" claims={result.accessToken.claims} testId="preview-access-token" />
        {result.idToken ? <Claims title="ID token claims" claims={result.idToken.claims} testId="preview-id-token" /> : null}
      </div>
      {!result.idToken ? <p className="text-sm text-slate-600">No ID token: the openid scope is not granted (or the grant has no user).</p> : null}
    </div>
  );
}

export default async function TokenPreviewPage({ params, searchParams }: { params: Promise<{ authServerId: string }>; searchParams: Promise<Search> }) {
  const { authServerId } = await params;
  const search = await searchParams;
  const server = await loadServer(authServerId);
  const clientId = one(search.clientId);
  const grantType = (PREVIEW_GRANT_TYPES as readonly string[]).includes(one(search.grantType)) ? (one(search.grantType) as PreviewGrantType) : "authorization_code";
  const userId = one(search.userId);
  const [app, user, scopes] = await Promise.all([
    pickerSelection("client", [clientId]),
    pickerSelection("user", [userId]),
    loadScopeNames(server.id),
  ]);
  const requested = many(search.scopes);
  const input = { authServerId: server.id, clientId, grantType, userId: userId || null, scopes: requested };
  const result = clientId ? await read((ctx) => previewTokens(ctx.db, ctx.orgUrl, input, ctx.now())) : null;
  return (
    <>
      <ServerHeader server={server} current="preview" />
      <Section title="Token preview" description="See the claims this server would put in tokens for an app, grant type, user and scopes, evaluated with the real policies and claims. No token is issued and nothing is logged.">
        <form method="get" className="flex flex-col gap-4" aria-label="Token preview request">
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <Picker kind="client" id="preview-client" name="clientId" label="Application" selected={clientId ? chosen(app, [clientId]) : []} multiple={false} />
            <SelectField name="grantType" label="Grant type" defaultValue={grantType} options={PREVIEW_GRANT_TYPES.map((g) => ({ value: g, label: g }))} />
            <Picker kind="user" id="preview-user" name="userId" label="User" selected={userId ? chosen(user, [userId]) : []} multiple={false} hint="Not used for client_credentials; none chosen: no user." />
          </div>
          <ChoiceGroup idPrefix="preview" legend="Scopes" name="scopes" options={scopes.map((name) => ({ value: name, label: name })).sort((a, b) => a.label.localeCompare(b.label))} selected={requested} hint="None checked: the server's default scopes." />
          <div>
            <button type="submit" className={buttonClass.primary}>
              Preview tokens
            </button>
          </div>
        </form>
      </Section>
      {result ? (
        <Section title="Result">
          <Result result={result} />
        </Section>
      ) : null}
    </>
  );
}
