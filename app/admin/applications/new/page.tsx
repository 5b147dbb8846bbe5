import { APP_TYPE_DEFAULTS, APP_TYPES } from "@/lib/dashboard/actions/app-actions";
import { ActionForm } from "../../_components/action-form";
import { Checkbox, PageHeader, Section, TextArea, TextField } from "../../_components/ui";
import { adminCall } from "../../_lib/admin-request";

export const metadata = { title: "Create application" };

export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  await adminCall();
  const { type } = await searchParams;
  const chosen = (APP_TYPES as readonly string[]).includes(type ?? "") ? (type as (typeof APP_TYPES)[number]) : null;
  return (
    <>
      <PageHeader breadcrumbs={[{ href: "/admin/applications", label: "Applications" }]} title="Create application" description={chosen ? `Step 2 of 2: ${APP_TYPE_DEFAULTS[chosen].title}` : "Step 1 of 2: choose the kind of application"} />
      {!chosen ? (
        <Section title="Application type">
          <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
            {APP_TYPES.map((t) => (
              <li key={t}>
                <a href={`/admin/applications/new?type=${t}`} className="block h-full rounded-lg border border-slate-200 p-4 hover:border-brand-600">
                  <span className="block font-semibold text-slate-900">{APP_TYPE_DEFAULTS[t].title}</span>
                  <span className="mt-1 block text-sm text-slate-600">{APP_TYPE_DEFAULTS[t].summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : (
        <Section title={APP_TYPE_DEFAULTS[chosen].title} description={APP_TYPE_DEFAULTS[chosen].summary}>
          <ActionForm action="app.create" fields={{ applicationType: chosen }} submitLabel="Create application">
            <div className="grid max-w-2xl grid-cols-1 gap-4">
              <TextField name="label" label="Application name" required />
              {chosen !== "service" ? (
                <>
                  <TextArea
                    name="redirectUris"
                    label="Sign-in redirect URIs"
                    hint={chosen === "native" ? "One per line, e.g. com.example.app:/callback or http://127.0.0.1/callback." : "One per line; https, or http on localhost."}
                    defaultValue={chosen === "browser" ? "http://localhost:8080/login/callback" : ""}
                  />
                  <TextArea name="postLogoutRedirectUris" label="Sign-out redirect URIs" hint="One per line (optional)." />
                  <Checkbox name="consentRequired" label="Require user consent" hint="Users approve the requested scopes on a consent page." />
                </>
              ) : null}
            </div>
          </ActionForm>
        </Section>
      )}
    </>
  );
}
